using RatingGrid.Contracts.V1;

namespace RatingGrid.Dashboard.Feeds;

/// <summary>Where the home, region and nation pages get their figures, and word of each change, from.</summary>
public interface IFiguresFeed
{
    /// <summary>The regions the signed-in person may see, by name.</summary>
    Task<IReadOnlyList<string>> RegionsAsync(CancellationToken cancellationToken);

    /// <summary>Every inspection of a region the person may see (ListRegionInspections).</summary>
    Task<IReadOnlyList<InspectionSummary>> RegionInspectionsAsync(string region, CancellationToken cancellationToken);

    /// <summary>The version of the region's figures, then each newer one, until cancelled.</summary>
    IAsyncEnumerable<long> WatchRegionAsync(string region, long afterVersion, CancellationToken cancellationToken);

    Task<Report> NationReportAsync(ReportRequest request, CancellationToken cancellationToken);

    /// <summary>The version of the nation's figures, then each newer one, until cancelled.</summary>
    IAsyncEnumerable<long> WatchNationAsync(long afterVersion, CancellationToken cancellationToken);
}
