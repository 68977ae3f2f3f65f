using RatingGrid.Contracts.V1;

namespace RatingGrid.Dashboard.Feeds;

/// <summary>Where the home, region and nation pages get their figures: finished answers, each watch one call however many versions it brings.</summary>
public interface IFiguresFeed
{
    /// <summary>The regions the signed-in person may see, by name.</summary>
    Task<IReadOnlyList<string>> RegionsAsync(CancellationToken cancellationToken);

    /// <summary>The region's PDUs as the service finishes them (WatchRegionPdus), then each newer answer; a break is resumed, and told to <paramref name="broken"/>.</summary>
    IAsyncEnumerable<RegionPdus> RegionPdusAsync(string region, Action<Exception> broken, CancellationToken cancellationToken);

    /// <summary>The nation's report and every region's totals (WatchNationOverview), then each newer answer; a break is resumed, and told to <paramref name="broken"/>.</summary>
    IAsyncEnumerable<NationOverview> NationOverviewAsync(ReportRequest request, Action<Exception> broken, CancellationToken cancellationToken);
}
