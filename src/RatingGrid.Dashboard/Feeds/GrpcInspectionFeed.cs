using System.Runtime.CompilerServices;
using Grpc.Core;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Dashboard.Feeds;

/// <summary>The inspection pages' feed over gRPC-Web: GetInspection, then WatchInspection from the version shown; breakdowns and case histories.</summary>
internal sealed class GrpcInspectionFeed(InspectionService.InspectionServiceClient client) : IInspectionFeed
{
    public async Task<Inspection> GetAsync(string inspectionId, CancellationToken cancellationToken) =>
        await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId }, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<Breakdown>> BreakdownsAsync(string inspectionId, CancellationToken cancellationToken) =>
        (await client.GetBreakdownsAsync(new GetBreakdownsRequest { InspectionId = inspectionId }, cancellationToken: cancellationToken)).Breakdowns_;

    public async Task<CaseHistory> CaseHistoryAsync(string inspectionId, string caseId, CancellationToken cancellationToken) =>
        await client.GetCaseHistoryAsync(new GetCaseHistoryRequest { InspectionId = inspectionId, CaseId = caseId }, cancellationToken: cancellationToken);

    public async IAsyncEnumerable<Inspection> WatchAsync(string inspectionId, long afterVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var call = client.WatchInspection(new WatchInspectionRequest { InspectionId = inspectionId, AfterVersion = afterVersion }, cancellationToken: cancellationToken);
        await foreach (var inspection in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            yield return inspection;
        }
    }
}
