using Grpc.Core;
using Grpc.Net.Client;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Published;

/// <summary>Records the entries of a published-record file, one rpc each (each harmless to repeat), and says what became of them.</summary>
internal static class PublishedRecords
{
    /// <summary>What importing came to: recorded now, already held, refused (each refusal with its entry's index and field).</summary>
    public sealed record Outcome(int Recorded, int AlreadyHeld, IReadOnlyList<string> Refused);

    public static async Task<Outcome> RecordAsync(GrpcChannel channel, string json, Func<string, bool> skip, CancellationToken ct)
    {
        var rulebook = await new RulebookService.RulebookServiceClient(channel).GetRulebookAsync(new GetRulebookRequest { Rulebook = new RulebookRef { Id = "hmip-pdu-2023" } }, cancellationToken: ct);
        var pdus = (await new RegistryService.RegistryServiceClient(channel).ListPdusAsync(new ListPdusRequest(), cancellationToken: ct)).Pdus;
        var inspections = new InspectionService.InspectionServiceClient(channel);
        var (recorded, held, refused) = (0, 0, new List<string>());
        foreach (var entry in PublishedFile.Read(json, rulebook, pdus).Where(e => !skip(e.Pdu)))
        {
            if (entry.Request is not { } request)
            {
                refused.AddRange(entry.Problems);
                continue;
            }

            try
            {
                var known = await IsRecordedAsync(inspections, request.InspectionId, ct);
                await inspections.RecordPublishedInspectionAsync(request, cancellationToken: ct);
                (recorded, held) = known ? (recorded, held + 1) : (recorded + 1, held);
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition)
            {
                refused.Add($"entry[{entry.Index}] ({entry.Pdu}): {ex.StatusCode}: {ex.Status.Detail}");
            }
        }

        return new Outcome(recorded, held, refused);
    }

    private static async Task<bool> IsRecordedAsync(InspectionService.InspectionServiceClient inspections, string id, CancellationToken ct)
    {
        try
        {
            await inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: ct);
            return true;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }
}
