using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.Diagnostics;
using RatingGrid.Grains.Hosting;
using RatingGrid.Grains.State;

namespace RatingGrid.Grains.Inspections;

/// <summary>
/// One inspection: its commands and queries. Changes are applied to the Domain's ledger, and their
/// durability is the <see cref="CommitQueue{TSnapshot}"/>'s business; publishing to the region is the
/// <see cref="StandingPublisher"/>'s. Reentrant so that changes can arrive while a write is in
/// flight; single-threaded all the same, so no locks are needed.
/// </summary>
[Reentrant]
internal sealed class InspectionGrain : Grain, IInspectionGrain, ICommitTarget<InspectionGrain.Durable>
{
    private readonly StoredInspection _stored;
    private readonly RulebookCatalog _rulebooks;
    private readonly GrainLimits _limits;
    private readonly TimeProvider _time;
    private readonly CommitQueue<Durable> _commits;
    private readonly StandingPublisher _publisher;
    private InspectionView? _committed;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public InspectionGrain(
        [PersistentState("inspection", StorageNames.Inspections)] IPersistentState<InspectionState> storage,
        RulebookCatalog rulebooks,
        IOptions<GrainLimits> limits,
        TimeProvider time,
        ILogger<InspectionGrain> logger)
    {
        (_stored, _rulebooks, _limits, _time) = (new StoredInspection(storage, rulebooks, time), rulebooks, limits.Value, time);
        _commits = new CommitQueue<Durable>(this, time, logger);
        _publisher = new StandingPublisher(GrainFactory, time, logger);
    }

    public string InspectionId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stored.Load();
        ShowStored();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _publisher.Stop();
        return Task.CompletedTask;
    }

    public async Task<InspectionView> OpenAsync(InspectionDetails details, string actor)
    {
        var violations = DetailsValidator.Validate(details, actor, _rulebooks);
        if (violations.Count > 0)
        {
            throw new InvalidRequestException(violations);
        }

        await _commits.CommitAsync(() =>
        {
            if (_stored.Details is { } existing)
            {
                return existing == details
                    ? Unchanged(true)
                    : throw new InspectionStateException(
                        $"Inspection '{InspectionId}' is already open with other details ({DetailsValidator.Differences(existing, details)}); open it with the same details or use another inspection id.");
            }

            _stored.Open(details);
            return Changed(true);
        });
        return _committed!;
    }

    public async Task<BatchReceipt> RecordJudgementsAsync(JudgementBatchInput batch)
    {
        GrainMetrics.BatchSize.Record(batch.Judgements.Count);
        var outcomes = await _commits.CommitAsync(() => Record(batch));
        return new BatchReceipt(_committed!.Version, outcomes, _committed.Results);
    }

    public async Task<IReadOnlyList<BatchResult>> RecordBatchesAsync(IReadOnlyList<JudgementBatchInput> batches)
    {
        var receipts = new Task<BatchReceipt>[batches.Count];
        _commits.Together(() =>
        {
            for (var i = 0; i < receipts.Length; i++)
            {
                receipts[i] = RecordJudgementsAsync(batches[i]);
            }
        });

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
        var outcome = await _commits.CommitAsync(() =>
        {
            var ledger = RequireOpen();
            ChangeChecks.RequireActor(actor);
            var outcome = ChangeChecks.Refusing(() => ledger.Withdraw(caseId, revision));
            if (outcome != ChangeOutcome.Applied)
            {
                return Unchanged(outcome);
            }

            _stored.Journal([new JournalEntry(caseId, revision, actor, _time.GetUtcNow(), null)]);
            return Changed(outcome);
        });
        return new ChangeReceipt(_committed!.Version, outcome, _committed.Results);
    }

    public async Task<ChangeReceipt> SetJudgedRatingAsync(JudgedRatingInput input)
    {
        var outcome = await _commits.CommitAsync(() =>
        {
            var ledger = RequireOpen();
            ChangeChecks.RequireActor(input.Actor);
            var outcome = ChangeChecks.Refusing(() => input.Rating is { } rating
                ? ledger.SetJudgedRating(input.StandardId, rating, input.Rationale ?? "")
                : ledger.ClearJudgedRating(input.StandardId));
            if (outcome != ChangeOutcome.Applied)
            {
                return Unchanged(outcome);
            }

            _stored.SetJudgedRating(input.StandardId, input.Rating, input.Rationale, input.Actor);
            return Changed(outcome);
        });
        return new ChangeReceipt(_committed!.Version, outcome, _committed.Results);
    }

    public Task<InspectionView> CloseAsync(string actor) => SetClosedAsync(actor, closed: true);

    public Task<InspectionView> ReopenAsync(string actor) => SetClosedAsync(actor, closed: false);

    public Task<InspectionView> GetAsync() => Task.FromResult(_committed ?? throw new InspectionNotFoundException(InspectionId));

    public Task<string?> GetRegionAsync() => Task.FromResult(_committed?.Details.Region);

    public async Task<IReadOnlyList<BreakdownResult>> GetBreakdownsAsync()
    {
        await _commits.WhenDurableAsync();
        return (_stored.Ledger ?? throw new InspectionNotFoundException(InspectionId)).Breakdowns();
    }

    public async Task<IReadOnlyList<CaseRevisionView>> GetCaseHistoryAsync(string caseId)
    {
        await _commits.WhenDurableAsync();
        _ = _stored.Ledger ?? throw new InspectionNotFoundException(InspectionId);
        return _stored.History(caseId ?? "");
    }

    public async Task<InspectionView?> WaitForChangeAsync(long afterVersion, TimeSpan timeout)
    {
        var committed = _committed ?? throw new InspectionNotFoundException(InspectionId);
        if (committed.Version > afterVersion)
        {
            return committed;
        }

        try
        {
            await _changed.Task.WaitAsync(timeout, _time);
        }
        catch (TimeoutException)
        {
            return null;
        }

        return _committed.Version > afterVersion ? _committed : null;
    }

    void ICommitTarget<Durable>.Count() => _stored.Count();

    Durable ICommitTarget<Durable>.Capture() => new(_stored.View(InspectionId), _stored.Standing(InspectionId));

    Task ICommitTarget<Durable>.WriteAsync() => _stored.WriteAsync();

    async Task ICommitTarget<Durable>.ReloadAsync()
    {
        await _stored.ReloadAsync();
        ShowStored();
    }

    void ICommitTarget<Durable>.Committed(Durable snapshot, int changes)
    {
        _committed = snapshot.View;
        _publisher.Publish(snapshot.Standing);
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    void ICommitTarget<Durable>.Poisoned() => DeactivateOnIdle();

    private Change<ChangeOutcome[]> Record(JudgementBatchInput batch)
    {
        var ledger = RequireOpen();
        ChangeChecks.RequireActor(batch.Actor);
        ChangeChecks.RequireRoomFor(ledger, batch.Judgements, _limits.MaxCasesPerInspection, InspectionId);
        var outcomes = ChangeChecks.Refusing(() => ledger.ApplyBatch(batch.Judgements));
        var now = _time.GetUtcNow();
        var entries = new List<JournalEntry>(outcomes.Length);
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i] == ChangeOutcome.Applied)
            {
                var judgement = batch.Judgements[i];
                entries.Add(new JournalEntry(judgement.CaseId, judgement.Revision, batch.Actor, now, judgement));
            }
        }

        if (entries.Count == 0)
        {
            return Unchanged(outcomes);
        }

        _stored.Journal(entries);
        GrainMetrics.JudgementsApplied.Add(entries.Count);
        return Changed(outcomes);
    }

    private async Task<InspectionView> SetClosedAsync(string actor, bool closed)
    {
        await _commits.CommitAsync(() =>
        {
            RequireOpen(allowClosed: true);
            ChangeChecks.RequireActor(actor);
            if (_stored.IsClosed == closed)
            {
                return Unchanged(true);
            }

            _stored.SetClosed(closed);
            return Changed(true);
        });
        return _committed!;
    }

    // Shows what was just loaded from storage, and publishes it: aggregates replace by version, so this
    // is harmless if they have it, and heals them if a publication was lost (a crash between a write
    // and its publication).
    private void ShowStored()
    {
        _committed = _stored.Ledger is null ? null : _stored.View(InspectionId);
        if (_committed is not null)
        {
            _publisher.Publish(_stored.Standing(InspectionId));
        }
    }

    private InspectionLedger RequireOpen(bool allowClosed = false)
    {
        var ledger = _stored.Ledger ?? throw new InspectionNotFoundException(InspectionId);
        if (_stored.IsClosed && !allowClosed)
        {
            throw new InspectionStateException($"Inspection '{InspectionId}' is closed; reopen it before changing it.");
        }

        return ledger;
    }

    private static Change<T> Changed<T>(T outcome) => new(true, outcome);

    private static Change<T> Unchanged<T>(T outcome) => new(false, outcome);

    /// <summary>What one write makes visible: the view readers get and the standing the region gets.</summary>
    internal sealed record Durable(InspectionView View, Standing Standing);
}
