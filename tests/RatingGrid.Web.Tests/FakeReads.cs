using System.Runtime.CompilerServices;
using System.Threading.Channels;
using RatingGrid.Contracts.V1;
using RatingGrid.Web.Reading;

namespace RatingGrid.Web.Tests;

/// <summary>Reads the test answers (or fails) as it chooses, recording every rpc a page made.</summary>
internal sealed class FakeReads : IReads
{
    private readonly Channel<Inspection> _inspections = Channel.CreateUnbounded<Inspection>();

    public IReadOnlyList<string> Regions { get; set; } = [];

    public RegionPdus Region { get; set; } = new();

    public NationOverview Nation { get; set; } = new() { Nation = new Report() };

    public Inspection Inspection { get; set; } = new();

    public IReadOnlyList<Breakdown> Breakdowns { get; set; } = [];

    public CaseHistory History { get; set; } = new();

    /// <summary>Thrown by every read, when set.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Thrown by the breakdowns alone, when set.</summary>
    public Exception? BreakdownsFailure { get; set; }

    /// <summary>Every rpc, by name, in order.</summary>
    public List<string> Calls { get; } = [];

    public List<ReportRequest> OverviewRequests { get; } = [];

    public List<long> WatchedAfter { get; } = [];

    public Task<IReadOnlyList<string>> RegionsAsync(CancellationToken cancellationToken) => Answer("ListRegions", Regions);

    public Task<RegionPdus> RegionPdusAsync(string region, CancellationToken cancellationToken) => Answer("GetRegionPdus", Region);

    public Task<NationOverview> NationOverviewAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        OverviewRequests.Add(request);
        return Answer("GetNationOverview", Nation);
    }

    public Task<Inspection> InspectionAsync(string inspectionId, CancellationToken cancellationToken) => Answer("GetInspection", Inspection);

    public Task<IReadOnlyList<Breakdown>> BreakdownsAsync(string inspectionId, CancellationToken cancellationToken) =>
        BreakdownsFailure is { } failure ? Task.FromException<IReadOnlyList<Breakdown>>(failure) : Answer("GetBreakdowns", Breakdowns);

    public Task<CaseHistory> CaseHistoryAsync(string inspectionId, string caseId, CancellationToken cancellationToken) => Answer("GetCaseHistory", History);

    public IAsyncEnumerable<RegionPdus> WatchRegionPdusAsync(string region, long afterVersion, CancellationToken cancellationToken) => throw new NotSupportedException("pages do not watch; their live feeds do");

    public IAsyncEnumerable<NationOverview> WatchNationOverviewAsync(ReportRequest request, long afterVersion, CancellationToken cancellationToken) => throw new NotSupportedException("pages do not watch; their live feeds do");

    public IAsyncEnumerable<Inspection> WatchInspectionAsync(string inspectionId, long afterVersion, CancellationToken cancellationToken)
    {
        WatchedAfter.Add(afterVersion);
        return WatchAsync(cancellationToken);
    }

    public void Push(Inspection inspection) => _inspections.Writer.TryWrite(inspection);

    private async IAsyncEnumerable<Inspection> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var inspection in _inspections.Reader.ReadAllAsync(cancellationToken))
        {
            yield return inspection;
        }
    }

    private Task<T> Answer<T>(string call, T answer)
    {
        Calls.Add(call);
        return Failure is { } failure ? Task.FromException<T>(failure) : Task.FromResult(answer);
    }
}
