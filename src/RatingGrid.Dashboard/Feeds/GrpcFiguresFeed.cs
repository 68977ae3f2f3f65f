using System.Runtime.CompilerServices;
using Grpc.Core;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Dashboard.Feeds;

/// <summary>The figures over gRPC-Web: the registry for regions, the aggregation service for the rest.</summary>
internal sealed class GrpcFiguresFeed(RegistryService.RegistryServiceClient registry, AggregationService.AggregationServiceClient aggregation) : IFiguresFeed
{
    public async Task<IReadOnlyList<string>> RegionsAsync(CancellationToken cancellationToken) =>
        (await registry.ListRegionsAsync(new ListRegionsRequest(), cancellationToken: cancellationToken)).Regions;

    public async Task<IReadOnlyList<InspectionSummary>> RegionInspectionsAsync(string region, CancellationToken cancellationToken) =>
        (await aggregation.ListRegionInspectionsAsync(new ListRegionInspectionsRequest { Region = region }, cancellationToken: cancellationToken)).Inspections;

    public async IAsyncEnumerable<long> WatchRegionAsync(string region, long afterVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var call = aggregation.WatchRegion(new WatchRegionRequest { Region = region, AfterVersion = afterVersion }, cancellationToken: cancellationToken);
        await foreach (var figures in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            yield return figures.Version;
        }
    }

    public async Task<Report> NationReportAsync(ReportRequest request, CancellationToken cancellationToken) =>
        await aggregation.GetNationReportAsync(request, cancellationToken: cancellationToken);

    public async IAsyncEnumerable<long> WatchNationAsync(long afterVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var call = aggregation.WatchNation(new WatchNationRequest { AfterVersion = afterVersion }, cancellationToken: cancellationToken);
        await foreach (var figures in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            yield return figures.Version;
        }
    }
}
