using Grpc.Net.Client;
using RatingGrid.Client.Watching;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Web.Reading;

/// <summary>The reads over gRPC, on the one channel every page shares; each call carries the token of the person it is for.</summary>
internal sealed class GrpcReads(GrpcChannel channel) : IReads
{
    private readonly RegistryService.RegistryServiceClient _registry = new(channel);
    private readonly AggregationService.AggregationServiceClient _aggregation = new(channel);
    private readonly InspectionService.InspectionServiceClient _inspections = new(channel);

    public async Task<IReadOnlyList<string>> RegionsAsync(CancellationToken cancellationToken) =>
        (await _registry.ListRegionsAsync(new ListRegionsRequest(), cancellationToken: cancellationToken)).Regions;

    public async Task<RegionPdus> RegionPdusAsync(string region, CancellationToken cancellationToken) =>
        await _aggregation.GetRegionPdusAsync(new GetRegionPdusRequest { Region = region }, cancellationToken: cancellationToken);

    public async Task<NationOverview> NationOverviewAsync(ReportRequest request, CancellationToken cancellationToken) =>
        await _aggregation.GetNationOverviewAsync(request, cancellationToken: cancellationToken);

    public async Task<Inspection> InspectionAsync(string inspectionId, CancellationToken cancellationToken) =>
        await _inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId }, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<Breakdown>> BreakdownsAsync(string inspectionId, CancellationToken cancellationToken) =>
        (await _inspections.GetBreakdownsAsync(new GetBreakdownsRequest { InspectionId = inspectionId }, cancellationToken: cancellationToken)).Breakdowns_;

    public async Task<CaseHistory> CaseHistoryAsync(string inspectionId, string caseId, CancellationToken cancellationToken) =>
        await _inspections.GetCaseHistoryAsync(new GetCaseHistoryRequest { InspectionId = inspectionId, CaseId = caseId }, cancellationToken: cancellationToken);

    public IAsyncEnumerable<RegionPdus> WatchRegionPdusAsync(string region, long afterVersion, CancellationToken cancellationToken) =>
        ResumableWatch.FollowAsync(
            (after, ct) => _aggregation.WatchRegionPdus(new WatchRegionPdusRequest { Region = region, AfterVersion = after }, cancellationToken: ct),
            answer => answer.Version, afterVersion, cancellationToken: cancellationToken);

    public IAsyncEnumerable<NationOverview> WatchNationOverviewAsync(ReportRequest request, long afterVersion, CancellationToken cancellationToken) =>
        ResumableWatch.FollowAsync(
            (after, ct) => _aggregation.WatchNationOverview(new WatchNationOverviewRequest { Report = request, AfterVersion = after }, cancellationToken: ct),
            answer => answer.Nation.Version, afterVersion, cancellationToken: cancellationToken);

    public IAsyncEnumerable<Inspection> WatchInspectionAsync(string inspectionId, long afterVersion, CancellationToken cancellationToken) =>
        ResumableWatch.FollowAsync(
            (after, ct) => _inspections.WatchInspection(new WatchInspectionRequest { InspectionId = inspectionId, AfterVersion = after }, cancellationToken: ct),
            inspection => inspection.Version, afterVersion, cancellationToken: cancellationToken);
}
