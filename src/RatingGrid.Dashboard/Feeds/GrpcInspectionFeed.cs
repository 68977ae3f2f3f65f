using RatingGrid.Client.Watching;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Dashboard.Feeds;

/// <summary>The inspection pages' feed over gRPC-Web: GetInspection, then WatchInspection from the version shown, followed through breaks; breakdowns and case histories.</summary>
internal sealed class GrpcInspectionFeed(InspectionService.InspectionServiceClient client) : IInspectionFeed
{
    public async Task<Inspection> GetAsync(string inspectionId, CancellationToken cancellationToken) =>
        await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId }, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<Breakdown>> BreakdownsAsync(string inspectionId, CancellationToken cancellationToken) =>
        (await client.GetBreakdownsAsync(new GetBreakdownsRequest { InspectionId = inspectionId }, cancellationToken: cancellationToken)).Breakdowns_;

    public async Task<CaseHistory> CaseHistoryAsync(string inspectionId, string caseId, CancellationToken cancellationToken) =>
        await client.GetCaseHistoryAsync(new GetCaseHistoryRequest { InspectionId = inspectionId, CaseId = caseId }, cancellationToken: cancellationToken);

    public IAsyncEnumerable<Inspection> WatchAsync(string inspectionId, long afterVersion, Action<Exception> broken, CancellationToken cancellationToken) =>
        ResumableWatch.FollowAsync(
            (after, ct) => client.WatchInspection(new WatchInspectionRequest { InspectionId = inspectionId, AfterVersion = after }, cancellationToken: ct),
            inspection => inspection.Version, afterVersion, broken: (ex, _) => broken(ex), cancellationToken: cancellationToken);
}
