using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Storage;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.State;

namespace RatingGrid.Grains;

/// <summary>
/// One inspection. Changes are applied in memory, join the next write (group commit) and are
/// acknowledged only once a write that contains them has succeeded. Reentrant so that changes can
/// arrive while a write is in flight; single-threaded all the same, so no locks are needed.
/// </summary>
[Reentrant]
internal sealed partial class InspectionGrain(
    [PersistentState("inspection", StorageNames.Inspections)] IPersistentState<InspectionState> storage,
    RulebookCatalog rulebooks,
    GrainLimits limits,
    TimeProvider time,
    ILogger<InspectionGrain> logger) : Grain, IInspectionGrain
{
    private const int MaxConflictRetries = 3;
    private static readonly TimeSpan GroupCommitLinger = TimeSpan.FromMilliseconds(5);

    private readonly List<PendingChange> _queued = [];
    private InspectionLedger? _ledger;
    private Journal? _journal;
    private InspectionView? _committed;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PendingChange? _lastPending;
    private bool _writing;
    private bool _deferWrites;
    private InspectionSummary? _toPublish;
    private bool _publishing;
    private bool _poisoned;
    private bool _deactivating;

    private string InspectionId => this.GetPrimaryKeyString();

    private InspectionState State => storage.State;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _deactivating = true;
        return Task.CompletedTask;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Rebuild();
        return Task.CompletedTask;
    }

    public async Task<InspectionView> OpenAsync(InspectionDetails details, string actor)
    {
        var violations = DetailsValidator.Validate(details, actor, rulebooks);
        if (violations.Count > 0)
        {
            throw new InvalidRequestException(violations);
        }

        await CommitAsync(() =>
        {
            if (State.Details is { } existing)
            {
                return existing == details
                    ? Unchanged(0)
                    : throw new InspectionStateException(
                        $"Inspection '{InspectionId}' is already open with other details ({DetailsValidator.Differences(existing, details)}); open it with the same details or use another inspection id.");
            }

            State.Details = details;
            _ledger = new InspectionLedger(Rulebook(details));
            _journal = new Journal(_ledger.Rulebook);
            return Changed(0);
        });
        return _committed!;
    }

    public async Task<BatchReceipt> RecordJudgementsAsync(JudgementBatch batch)
    {
        var judgements = batch.Judgements.Select(j => j.ToDomain()).ToArray();
        GrainMetrics.BatchSize.Record(judgements.Length);
        var (value, view) = await CommitAsync(() =>
        {
            var ledger = RequireOpen();
            RequireActor(batch.Actor);
            RequireRoomFor(ledger, judgements);
            ChangeOutcome[] outcomes;
            try
            {
                outcomes = ledger.ApplyBatch(judgements);
            }
            catch (InvalidChangeException ex)
            {
                throw Invalid(ex);
            }

            var now = time.GetUtcNow();
            var entries = new List<JournalEntry>(outcomes.Length);
            for (var i = 0; i < outcomes.Length; i++)
            {
                if (outcomes[i] == ChangeOutcome.Applied)
                {
                    entries.Add(new JournalEntry(judgements[i].CaseId, judgements[i].Revision, batch.Actor, now, judgements[i]));
                }
            }

            if (entries.Count == 0)
            {
                return Unchanged(outcomes);
            }

            State.Journal.Add(_journal!.Write(entries));
            GrainMetrics.JudgementsApplied.Add(entries.Count);
            return Changed(outcomes);
        });
        return new BatchReceipt(view.Version, (ChangeOutcome[])value, view.Results);
    }

    public async Task<IReadOnlyList<BatchResult>> RecordBatchesAsync(IReadOnlyList<JudgementBatch> batches)
    {
        // Apply every batch before the first write starts, so that they all share it.
        _deferWrites = true;
        var receipts = new Task<BatchReceipt>[batches.Count];
        try
        {
            for (var i = 0; i < receipts.Length; i++)
            {
                receipts[i] = RecordJudgementsAsync(batches[i]);
            }
        }
        finally
        {
            _deferWrites = false;
            StartWritingIfNeeded();
        }

        var results = new BatchResult[receipts.Length];
        for (var i = 0; i < results.Length; i++)
        {
            try
            {
                results[i] = new BatchResult(await receipts[i], null);
            }
            catch (Exception ex) when (ex is InvalidRequestException or InspectionNotFoundException or InspectionStateException or LimitReachedException or StorageUnavailableException)
            {
                results[i] = new BatchResult(null, ex);
            }
        }

        return results;
    }

    public async Task<ChangeReceipt> WithdrawCaseAsync(string caseId, long revision, string actor)
    {
        var (value, view) = await CommitAsync(() =>
        {
            var ledger = RequireOpen();
            RequireActor(actor);
            ChangeOutcome outcome;
            try
            {
                outcome = ledger.Withdraw(caseId, revision);
            }
            catch (InvalidChangeException ex)
            {
                throw Invalid(ex);
            }

            if (outcome != ChangeOutcome.Applied)
            {
                return Unchanged(outcome);
            }

            State.Journal.Add(_journal!.Write([new JournalEntry(caseId, revision, actor, time.GetUtcNow(), null)]));
            return Changed(outcome);
        });
        return new ChangeReceipt(view.Version, (ChangeOutcome)value, view.Results);
    }

    public async Task<ChangeReceipt> SetJudgedRatingAsync(JudgedRatingInput input)
    {
        var (value, view) = await CommitAsync(() =>
        {
            var ledger = RequireOpen();
            RequireActor(input.Actor);
            ChangeOutcome outcome;
            try
            {
                outcome = input.Rating is { } rating
                    ? ledger.SetJudgedRating(input.StandardId, rating, input.Rationale ?? "")
                    : ledger.ClearJudgedRating(input.StandardId);
            }
            catch (InvalidChangeException ex)
            {
                throw Invalid(ex);
            }

            if (outcome != ChangeOutcome.Applied)
            {
                return Unchanged(outcome);
            }

            if (input.Rating is { } set)
            {
                State.JudgedRatings[input.StandardId] = new JudgedRatingRecord(set, input.Rationale!, input.Actor, time.GetUtcNow());
            }
            else
            {
                State.JudgedRatings.Remove(input.StandardId);
            }

            return Changed(outcome);
        });
        return new ChangeReceipt(view.Version, (ChangeOutcome)value, view.Results);
    }

    public Task<InspectionView> CloseAsync(string actor) => SetClosedAsync(actor, closed: true);

    public Task<InspectionView> ReopenAsync(string actor) => SetClosedAsync(actor, closed: false);

    public Task<InspectionView> GetAsync() => Task.FromResult(_committed ?? throw new InspectionNotFoundException(InspectionId));

    public Task<string?> GetRegionAsync() => Task.FromResult(_committed?.Details.Region);

    public async Task<IReadOnlyList<BreakdownView>> GetBreakdownsAsync()
    {
        await WhenDurableAsync();
        var ledger = _ledger ?? throw new InspectionNotFoundException(InspectionId);
        return [.. ledger.Breakdowns().Select(BreakdownView.From)];
    }

    public async Task<IReadOnlyList<CaseRevisionView>> GetCaseHistoryAsync(string caseId)
    {
        await WhenDurableAsync();
        var ledger = _ledger ?? throw new InspectionNotFoundException(InspectionId);
        return StateCodec.History(ledger.Rulebook, State, caseId ?? "");
    }

    public async Task<InspectionView?> WaitForChangeAsync(long afterVersion, TimeSpan timeout)
    {
        if (_committed is null)
        {
            throw new InspectionNotFoundException(InspectionId);
        }

        if (_committed.Version > afterVersion)
        {
            return _committed;
        }

        try
        {
            await _changed.Task.WaitAsync(timeout, time);
        }
        catch (TimeoutException)
        {
            return null;
        }

        return _committed.Version > afterVersion ? _committed : null;
    }

    private async Task<InspectionView> SetClosedAsync(string actor, bool closed)
    {
        await CommitAsync(() =>
        {
            RequireOpen(allowClosed: true);
            RequireActor(actor);
            if (State.IsClosed == closed)
            {
                return Unchanged(0);
            }

            State.IsClosed = closed;
            return Changed(0);
        });
        return _committed!;
    }

    /// <summary>
    /// Applies a change now and returns once a write containing it has succeeded, with the durable
    /// view that write produced. A change that alters nothing still waits for the writes already
    /// pending, since what it confirms may be in them.
    /// </summary>
    private async Task<(object Value, InspectionView View)> CommitAsync(Func<Applied> apply)
    {
        if (_poisoned)
        {
            throw new StorageUnavailableException($"Inspection '{InspectionId}' is reloading after a failed write; retry.");
        }

        var applied = apply();
        if (!applied.HasChanged)
        {
            await WhenDurableAsync();
            return (applied.Value, _committed!);
        }

        State.Version++;
        State.LastChangedAt = time.GetUtcNow();
        var pending = new PendingChange(apply, applied);
        _queued.Add(pending);
        _lastPending = pending;
        StartWritingIfNeeded();

        var acknowledged = (Applied)await pending.Done;

        // The newest durable view: it holds this change, perhaps with others committed alongside.
        return (acknowledged.Value, _committed!);
    }

    private void StartWritingIfNeeded()
    {
        if (!_writing && !_deferWrites && _queued.Count > 0)
        {
            _ = WriteLoopAsync();
        }
    }

    private async Task WhenDurableAsync()
    {
        if (_lastPending is { IsFinished: false } pending)
        {
            await pending.Done;
        }
    }

    private async Task WriteLoopAsync()
    {
        _writing = true;
        try
        {
            while (_queued.Count > 0)
            {
                var group = _queued.ToArray();
                _queued.Clear();
                var view = View();
                var summary = Summary();
                if (!await TryWriteAsync(group))
                {
                    return;
                }

                _committed = view;
                Publish(summary);
                var changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                changed.TrySetResult();
                GrainMetrics.GroupCommitSize.Record(group.Length);
                foreach (var change in group)
                {
                    change.Acknowledge();
                }

                if (group.Length > 1 && _queued.Count < group.Length)
                {
                    // Under concurrency, the writers just acknowledged are about to send their next
                    // change; a moment's wait lets them join the next write instead of the one after.
                    await Task.Delay(GroupCommitLinger, time);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }

    private async Task<bool> TryWriteAsync(PendingChange[] group)
    {
        for (var attempt = 1; ; attempt++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await storage.WriteStateAsync();
                GrainMetrics.StorageWrites.Add(1);
                GrainMetrics.StorageWriteLatency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return true;
            }
            catch (InconsistentStateException ex) when (attempt < MaxConflictRetries)
            {
                // Another activation wrote since we read: take what it wrote and apply ours on top.
                LogConflict(InspectionId, attempt, ex.Message);
                await storage.ReadStateAsync();
                Rebuild();
                foreach (var change in group.Concat(_queued))
                {
                    State.Version++;
                    State.LastChangedAt = time.GetUtcNow();
                    change.Reapply();
                }
            }
            catch (Exception ex)
            {
                GrainMetrics.StorageWriteFailures.Add(1);
                LogWriteFailed(InspectionId, group.Length + _queued.Count, ex);
                Poison(group, ex);
                return false;
            }
        }
    }

    // Memory now holds changes that storage may not: fail every waiting change, refuse new ones, and
    // let the next activation read what storage really holds.
    private void Poison(PendingChange[] group, Exception cause)
    {
        _poisoned = true;
        var error = new StorageUnavailableException(
            $"Inspection '{InspectionId}' could not be written ({cause.GetType().Name}); nothing was acknowledged and the change may be retried.");
        foreach (var change in group.Concat(_queued))
        {
            change.Fail(error);
        }

        _queued.Clear();
        DeactivateOnIdle();
    }

    private InspectionSummary Summary() =>
        InspectionSummary.From(_ledger!.Standing(InspectionId, State.Details!.PduName, State.Details.Region, State.Version), State.LastChangedAt);

    // Publishing runs behind acknowledgements and sends only the newest durable summary; whatever
    // was committed meanwhile goes in the next one.
    private void Publish(InspectionSummary summary)
    {
        _toPublish = summary;
        if (!_publishing)
        {
            _ = PublishLoopAsync();
        }
    }

    private async Task PublishLoopAsync()
    {
        _publishing = true;
        try
        {
            // Once deactivating, stop: the next activation publishes its summary anyway.
            while (!_deactivating && _toPublish is { } summary)
            {
                _toPublish = null;
                try
                {
                    // Bounded: while the cluster recovers from a lost silo a call can go unanswered for
                    // long, and newer summaries must not queue behind it (publishing again is harmless).
                    await GrainFactory.GetGrain<IAggregateGrain>(IAggregateGrain.RegionKey(summary.Region)).PublishAsync([summary])
                        .WaitAsync(IAggregateGrain.PublicationTimeout);
                }
                catch (Exception ex)
                {
                    _toPublish ??= summary;
                    LogPublishFailed(InspectionId, ex);
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            }
        }
        finally
        {
            _publishing = false;
        }
    }

    private void Rebuild()
    {
        if (State.Details is not { } details)
        {
            (_ledger, _journal, _committed) = (null, null, null);
            return;
        }

        (_ledger, _journal) = StateCodec.Load(Rulebook(details), State);
        _committed = View();

        // Aggregates replace by version, so this is harmless if they have it, and heals them if a
        // publication was lost (a crash between a write and its publication).
        Publish(Summary());
    }

    private InspectionLedger RequireOpen(bool allowClosed = false)
    {
        var ledger = _ledger ?? throw new InspectionNotFoundException(InspectionId);
        if (State.IsClosed && !allowClosed)
        {
            throw new InspectionStateException($"Inspection '{InspectionId}' is closed; reopen it before changing it.");
        }

        return ledger;
    }

    private void RequireRoomFor(InspectionLedger ledger, CaseJudgement[] judgements)
    {
        if (ledger.KnownCaseCount + judgements.Length <= limits.MaxCasesPerInspection)
        {
            return; // room even if every judgement were a new case
        }

        var newCases = judgements.Where(j => !string.IsNullOrEmpty(j.CaseId) && !ledger.IsKnownCase(j.CaseId)).Select(j => j.CaseId).Distinct(StringComparer.Ordinal).Count();
        if (ledger.KnownCaseCount + newCases > limits.MaxCasesPerInspection)
        {
            throw new LimitReachedException(nameof(GrainLimits.MaxCasesPerInspection), limits.MaxCasesPerInspection,
                $"Inspection '{InspectionId}' holds {ledger.KnownCaseCount} cases; this batch would add {newCases} more");
        }
    }

    private static void RequireActor(string actor)
    {
        if (string.IsNullOrWhiteSpace(actor))
        {
            throw new InvalidRequestException([new Violation("actor", "is required: who is making this change")]);
        }
    }

    private static InvalidRequestException Invalid(InvalidChangeException ex) =>
        new([.. ex.Violations.Select(v => new Violation(v.Field, v.Description))]);

    private Rulebook Rulebook(InspectionDetails details) => rulebooks.Get(new RulebookKey(details.RulebookId, details.RulebookVersion));

    private ResultsView Results() => ResultsView.From(_ledger!.Results(), _ledger.CaseCount);

    private InspectionView View() => new(
        InspectionId,
        State.Details!,
        State.IsClosed ? InspectionStatus.Closed : InspectionStatus.Open,
        State.Version,
        State.LastChangedAt,
        Results());

    private static Applied Changed(object value) => new(true, value);

    private static Applied Unchanged(object value) => new(false, value);

    /// <summary>What applying a change did: whether it changed anything, and its outcome(s).</summary>
    private sealed record Applied(bool HasChanged, object Value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inspection {InspectionId}: ETag conflict on write attempt {Attempt}; re-reading and re-applying. {Reason}")]
    private partial void LogConflict(string inspectionId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inspection {InspectionId}: publishing to its region failed; retrying")]
    private partial void LogPublishFailed(string inspectionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inspection {InspectionId}: write failed; {Changes} change(s) not acknowledged, reloading from storage")]
    private partial void LogWriteFailed(string inspectionId, int changes, Exception exception);
}
