using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Placement;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Records;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.Diagnostics;
using RatingGrid.Grains.State;
using RatingGrid.Grains.Storage;
using RatingGrid.Grains.Commits;
using RatingGrid.Grains.Publication;
using RatingGrid.Grains.Changes;

namespace RatingGrid.Grains.Inspections;

/// <summary>
/// One inspection: its commands and queries. Changes are applied to the Domain's ledger; their
/// durability is the <see cref="CommitQueue{TCapture}"/>'s business, publishing them the
/// <see cref="StandingPublisher"/>'s, and the durable mark that a change is not yet confirmed the
/// <see cref="PublicationReminder"/>'s. The journal is read on the first call, not on activation, so
/// that an inspection storage cannot deliver answers UNAVAILABLE and the next call tries again.
/// Reentrant so that changes can arrive while a write is in flight; single-threaded all the same.
/// Placed on the host whose gRPC service first calls it: judgements then reach it without a hop
/// between hosts, and clients spread inspections across hosts as they spread their connections.
/// </summary>
[Reentrant]
[PreferLocalPlacement]
internal sealed partial class InspectionGrain : Grain, IInspectionGrain, IRemindable, ICommitTarget<CommitCapture>
{
    private readonly StoredInspection _stored;
    private readonly RulebookCatalog _rulebooks;
    private readonly GrainLimits _limits;
    private readonly PublicationOptions _publication;
    private readonly TimeProvider _time;
    private readonly CommitQueue<CommitCapture> _commits;
    private readonly StandingPublisher _publisher;
    private readonly PublicationReminder _reminder;
    private readonly EmbargoReminder _embargo;
    private readonly LocalInspectionViews _views;
    private readonly RetryingLoad _load;
    private InspectionView? _committed;
    private long _lastCommittedAt;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public InspectionGrain(
        IJournalStore journals,
        IStandingStore standings,
        RulebookCatalog rulebooks,
        IOptions<GrainLimits> limits,
        IOptions<StorageOptions> storage,
        IOptions<PublicationOptions> publication,
        TimeProvider time,
        LocalInspectionViews views,
        IHostApplicationLifetime lifetime,
        ILogger<InspectionGrain> logger)
    {
        (_rulebooks, _limits, _publication, _time, _views) = (rulebooks, limits.Value, publication.Value, time, views);
        _stored = new StoredInspection(InspectionId, journals, rulebooks, storage.Value, time, logger);
        _commits = new CommitQueue<CommitCapture>(this, time, logger);
        _publisher = new StandingPublisher(GrainFactory, standings, publication.Value, time, logger, lifetime.ApplicationStopping);
        _reminder = new PublicationReminder(this, publication.Value.PendingCheckPeriod, storage.Value.OperationTimeout, time);
        _embargo = new EmbargoReminder(this, storage.Value.OperationTimeout, time);
        _load = new RetryingLoad(LoadAsync);
    }

    public string InspectionId => this.GetPrimaryKeyString();

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _views.Remove(InspectionId, _committed);
        return _publisher.StopAsync();
    }

    public async Task<InspectionView> OpenAsync(InspectionDetails details, string actor)
    {
        var violations = DetailsValidator.Validate(details, actor, _rulebooks);
        if (violations.Count > 0)
        {
            throw new InvalidRequestException(violations);
        }

        await EnsureLoadedAsync();
        await _commits.CommitAsync(() =>
        {
            if (_stored.Details is { } existing)
            {
                return existing == details
                    ? Unchanged(true)
                    : throw new InspectionStateException(
                        $"Inspection '{InspectionId}' is already open with other details ({DetailsValidator.Differences(existing, details)}); open it with the same details or use another inspection id.");
            }

            _stored.Open(details, actor);
            return Changed(true);
        });
        return _committed!;
    }

    public async Task<InspectionView> RecordPublishedAsync(InspectionDetails details, PublishedReport report, string actor)
    {
        var violations = DetailsValidator.Validate(details, actor, _rulebooks).ToList();
        if (_rulebooks.TryGet(new RulebookKey(details.RulebookId, details.RulebookVersion), out var rulebook))
        {
            violations.AddRange(PublishedReportValidator.Validate(report, rulebook));
        }

        if (violations.Count > 0)
        {
            throw new InvalidRequestException(violations);
        }

        await EnsureLoadedAsync();
        await _commits.CommitAsync(() =>
        {
            if (_stored.Details is { } existing)
            {
                return existing == details && _stored.Report is { } held && held.SameAs(report)
                    ? Unchanged(true)
                    : throw new InspectionStateException(_stored.Report is null
                        ? $"Inspection '{InspectionId}' is an inspection rated here, not a published report's record; record the report under another id."
                        : $"Inspection '{InspectionId}' is recorded already with {(existing == details ? "another report" : $"other details ({DetailsValidator.Differences(existing, details)})")}: a record keeps what was first recorded; record a corrected report under another id.");
            }

            _stored.Record(details, report, actor);
            return Changed(true);
        });
        return _committed!;
    }

    public async Task<BatchReceipt> RecordJudgementsAsync(JudgementBatchInput batch)
    {
        GrainMetrics.BatchSize.Record(batch.Judgements.Count);
        await EnsureLoadedAsync();
        var outcomes = await _commits.CommitAsync(() => Record(batch));
        return new BatchReceipt(_committed!.Version, outcomes, _committed.Results);
    }

    public async Task<IReadOnlyList<BatchResult>> RecordBatchesAsync(IReadOnlyList<JudgementBatchInput> batches)
    {
        await EnsureLoadedAsync();
        var receipts = new Task<BatchReceipt>[batches.Count];
        _commits.Together(() =>
        {
            for (var i = 0; i < receipts.Length; i++)
            {
                receipts[i] = RecordJudgementsAsync(batches[i]);
            }
        });
        return await BatchResults.CollectAsync(receipts);
    }

    public async Task<ChangeReceipt> WithdrawCaseAsync(string caseId, long revision, string actor)
    {
        await EnsureLoadedAsync();
        var outcome = await _commits.CommitAsync(() =>
        {
            var ledger = RequireOpen();
            ChangeChecks.RequireActor(actor);
            var outcome = ChangeChecks.Refusing(() => ledger.Withdraw(caseId, revision));
            if (outcome != ChangeOutcome.Applied)
            {
                return Unchanged(outcome);
            }

            _stored.Withdrawn(caseId, revision, actor);
            return Changed(outcome);
        });
        return new ChangeReceipt(_committed!.Version, outcome, _committed.Results);
    }

    public async Task<ChangeReceipt> SetJudgedRatingAsync(JudgedRatingInput input)
    {
        await EnsureLoadedAsync();
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

            _stored.JudgedRatingChanged(input.StandardId, input.Rating, input.Rationale, input.Actor);
            return Changed(outcome);
        });
        return new ChangeReceipt(_committed!.Version, outcome, _committed.Results);
    }

    public Task<InspectionView> CloseAsync(string actor) => SetStatusAsync(actor, InspectionStatus.Closed);

    public Task<InspectionView> ReopenAsync(string actor) => SetStatusAsync(actor, InspectionStatus.Open);

    public async Task<InspectionView> GetAsync()
    {
        await EnsureLoadedAsync();
        return _committed ?? throw new InspectionNotFoundException(InspectionId);
    }

    public async Task<string?> GetRegionAsync()
    {
        await EnsureLoadedAsync();
        return _committed?.Details.Region;
    }

    public async Task<IReadOnlyList<BreakdownResult>> GetBreakdownsAsync()
    {
        await EnsureLoadedAsync();
        await _commits.WhenDurableAsync();
        return (_stored.Ledger ?? throw new InspectionNotFoundException(InspectionId)).Breakdowns();
    }

    public async Task<IReadOnlyList<CaseRevisionView>> GetCaseHistoryAsync(string caseId)
    {
        await EnsureLoadedAsync();
        await _commits.WhenDurableAsync();
        _ = _stored.Ledger ?? throw new InspectionNotFoundException(InspectionId);
        return await _stored.HistoryAsync(caseId ?? "");
    }

    public async Task<InspectionView?> WaitForChangeAsync(long afterVersion, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await EnsureLoadedAsync();
        var committed = _committed ?? throw new InspectionNotFoundException(InspectionId);
        if (committed.Version > afterVersion)
        {
            return committed;
        }

        if (!await ChangeWait.ArrivesAsync(_changed.Task, timeout, _time, cancellationToken))
        {
            return null;
        }

        return _committed.Version > afterVersion ? _committed : null;
    }

    private Change<ChangeOutcome[]> Record(JudgementBatchInput batch)
    {
        var applied = _stored.Record(batch, _limits.MaxCasesPerInspection, out var outcomes);
        GrainMetrics.JudgementsApplied.Add(applied);
        return applied == 0 ? Unchanged(outcomes) : Changed(outcomes);
    }

    private Task<InspectionView> SetStatusAsync(string actor, InspectionStatus status) => MoveAsync(actor, status);

    // Every call waits for the journal to have been read once; a read that failed is tried again by the next call.
    private Task EnsureLoadedAsync() => _load.EnsureAsync();

    private async Task LoadAsync()
    {
        await _stored.LoadAsync();
        ShowStored();
    }

    // Shows what was just read from the journal, and publishes it: aggregates replace by version, so
    // this is harmless if they have it, and heals them if a publication was lost with a host.
    private void ShowStored()
    {
        _committed = _stored.Ledger is null ? null : _stored.View();
        _views.Set(InspectionId, _committed);
        if (_committed is not null)
        {
            _publisher.Publish(_stored.Standing());
        }
    }

    private InspectionLedger RequireOpen(bool allowClosed = false) => _stored.RequireOpen(allowClosed);

    private static Change<T> Changed<T>(T outcome) => new(true, outcome);

    private static Change<T> Unchanged<T>(T outcome) => new(false, outcome);
}
