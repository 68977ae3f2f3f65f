using RatingGrid.Client.Watching;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Dashboard.Feeds;

/// <summary>The figures over gRPC-Web: the registry for regions, the aggregation service's finished answers for the rest, followed through breaks.</summary>
internal sealed class GrpcFiguresFeed(RegistryService.RegistryServiceClient registry, AggregationService.AggregationServiceClient aggregation) : IFiguresFeed
{
    public async Task<IReadOnlyList<string>> RegionsAsync(CancellationToken cancellationToken) =>
        (await registry.ListRegionsAsync(new ListRegionsRequest(), cancellationToken: cancellationToken)).Regions;

    public IAsyncEnumerable<RegionPdus> RegionPdusAsync(string region, Action<Exception> broken, CancellationToken cancellationToken) =>
        ResumableWatch.FollowAsync(
            (after, ct) => aggregation.WatchRegionPdus(new WatchRegionPdusRequest { Region = region, AfterVersion = after }, cancellationToken: ct),
            answer => answer.Version, broken: (ex, _) => broken(ex), cancellationToken: cancellationToken);

    public IAsyncEnumerable<NationOverview> NationOverviewAsync(ReportRequest request, Action<Exception> broken, CancellationToken cancellationToken) =>
        ResumableWatch.FollowAsync(
            (after, ct) => aggregation.WatchNationOverview(new WatchNationOverviewRequest { Report = request, AfterVersion = after }, cancellationToken: ct),
            answer => answer.Nation.Version, broken: (ex, _) => broken(ex), cancellationToken: cancellationToken);
}
