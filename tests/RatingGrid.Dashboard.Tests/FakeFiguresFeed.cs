using System.Runtime.CompilerServices;
using System.Threading.Channels;
using RatingGrid.Contracts.V1;
using RatingGrid.Dashboard.Feeds;

namespace RatingGrid.Dashboard.Tests;

/// <summary>A figures feed the test drives: what each read answers (or throws), and versions pushed to the watches.</summary>
internal sealed class FakeFiguresFeed : IFiguresFeed
{
    private readonly Channel<long> _regionVersions = Channel.CreateUnbounded<long>();
    private readonly Channel<long> _nationVersions = Channel.CreateUnbounded<long>();

    public TaskCompletionSource<IReadOnlyList<string>> Regions { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What ListRegionInspections answers now; swapped by a test before it pushes a version.</summary>
    public Func<string, IReadOnlyList<InspectionSummary>> RegionInspections { get; set; } = _ => [];

    /// <summary>What GetNationReport answers now, per request.</summary>
    public Func<ReportRequest, Report> NationReport { get; set; } = _ => new Report();

    /// <summary>Thrown by every watch as it starts, when set.</summary>
    public Exception? WatchFailure { get; set; }

    public List<ReportRequest> ReportRequests { get; } = [];

    public Task<IReadOnlyList<string>> RegionsAsync(CancellationToken cancellationToken) => Regions.Task.WaitAsync(cancellationToken);

    public Task<IReadOnlyList<InspectionSummary>> RegionInspectionsAsync(string region, CancellationToken cancellationToken) =>
        Task.FromResult(RegionInspections(region));

    public IAsyncEnumerable<long> WatchRegionAsync(string region, long afterVersion, CancellationToken cancellationToken) =>
        WatchAsync(_regionVersions, cancellationToken);

    public Task<Report> NationReportAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        ReportRequests.Add(request);
        return Task.FromResult(NationReport(request));
    }

    public IAsyncEnumerable<long> WatchNationAsync(long afterVersion, CancellationToken cancellationToken) =>
        WatchAsync(_nationVersions, cancellationToken);

    public void PushRegion(long version) => _regionVersions.Writer.TryWrite(version);

    public void PushNation(long version) => _nationVersions.Writer.TryWrite(version);

    private async IAsyncEnumerable<long> WatchAsync(Channel<long> versions, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (WatchFailure is { } failure)
        {
            throw failure;
        }

        await foreach (var version in versions.Reader.ReadAllAsync(cancellationToken))
        {
            yield return version;
        }
    }
}
