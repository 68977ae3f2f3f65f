using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Scoring;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Grains.Abstractions.Inspections;

namespace RatingGrid.Host.Tests.Unit;

/// <summary>
/// An inspection without storage: the Domain's ledger behind the grain interface, recording what the
/// service asked of it, so that a test can check the service's mapping both ways.
/// </summary>
internal sealed class FakeInspectionGrain(string id) : IInspectionGrain
{
    private InspectionLedger? _ledger;
    private InspectionDetails? _details;
    private long _version;

    public string? OpenedBy { get; private set; }

    public List<JudgementBatchInput> Batches { get; } = [];

    public List<JudgedRatingInput> JudgedRatings { get; } = [];

    public IReadOnlyList<CaseRevisionView> History { get; set; } = [];

    public int Calls { get; private set; }

    /// <summary>How many batches each <see cref="RecordBatchesAsync"/> call carried, in call order.</summary>
    public List<int> BatchCalls { get; } = [];

    public Task<InspectionView> OpenAsync(InspectionDetails details, string actor)
    {
        Calls++;
        (_details, OpenedBy, _ledger, _version) = (details, actor, new InspectionLedger(Requests.Rulebook), 1);
        return Task.FromResult(View());
    }

    public Task<InspectionView> RecordPublishedAsync(InspectionDetails details, Domain.Records.PublishedReport report, string actor)
    {
        Calls++;
        (_details, OpenedBy, _ledger, _version) = (details, actor, new InspectionLedger(Requests.Rulebook), 1);
        return Task.FromResult(View() with { Status = Domain.Lifecycle.InspectionStatus.Published, Report = report });
    }

    public Task<BatchReceipt> RecordJudgementsAsync(JudgementBatchInput batch)
    {
        Calls++;
        Batches.Add(batch);
        var outcomes = Ledger.ApplyBatch(batch.Judgements);
        _version++;
        return Task.FromResult(new BatchReceipt(_version, outcomes, Ledger.Results()));
    }

    public async Task<IReadOnlyList<BatchResult>> RecordBatchesAsync(IReadOnlyList<JudgementBatchInput> batches)
    {
        BatchCalls.Add(batches.Count);
        var results = new List<BatchResult>();
        foreach (var batch in batches)
        {
            results.Add(new BatchResult(await RecordJudgementsAsync(batch), null));
        }

        return results;
    }

    public Task<ChangeReceipt> WithdrawCaseAsync(string caseId, long revision, string actor)
    {
        Calls++;
        var outcome = Ledger.Withdraw(caseId, revision);
        return Task.FromResult(new ChangeReceipt(++_version, outcome, Ledger.Results()));
    }

    public Task<ChangeReceipt> SetJudgedRatingAsync(JudgedRatingInput input)
    {
        Calls++;
        JudgedRatings.Add(input);
        var outcome = input.Rating is { } rating ? Ledger.SetJudgedRating(input.StandardId, rating, input.Rationale!) : Ledger.ClearJudgedRating(input.StandardId);
        return Task.FromResult(new ChangeReceipt(++_version, outcome, Ledger.Results()));
    }

    public Task<InspectionView> CloseAsync(string actor) => Task.FromResult(View() with { Status = InspectionStatus.Closed });

    public Task<InspectionView> ReopenAsync(string actor) => Task.FromResult(View());

    public Task<InspectionView> EmbargoAsync(DateTimeOffset publishAt, string actor) => Task.FromResult(View() with { Status = InspectionStatus.Embargoed, PublishAt = publishAt });

    public Task<InspectionView> PublishAsync(string actor) => Task.FromResult(View() with { Status = InspectionStatus.Published });

    public Task<InspectionView> CorrectAsync(string reason, string actor) => Task.FromResult(View());

    public Task<InspectionView> GetAsync()
    {
        Calls++;
        return Task.FromResult(View());
    }

    public Task<string?> GetRegionAsync() => Task.FromResult(_details?.Region);

    public Task<IReadOnlyList<BreakdownResult>> GetBreakdownsAsync() => Task.FromResult(Ledger.Breakdowns());

    public Task<IReadOnlyList<CaseRevisionView>> GetCaseHistoryAsync(string caseId) => Task.FromResult(History);

    public Task<InspectionView?> WaitForChangeAsync(long afterVersion, TimeSpan timeout, CancellationToken cancellationToken = default) => Task.FromResult<InspectionView?>(null);

    private InspectionLedger Ledger => _ledger ?? throw new InspectionNotFoundException(id);

    private InspectionView View() => new(id, _details ?? throw new InspectionNotFoundException(id), InspectionStatus.Open, _version,
        new DateTimeOffset(2025, 6, 27, 12, 0, 0, TimeSpan.Zero), Ledger.Results());
}
