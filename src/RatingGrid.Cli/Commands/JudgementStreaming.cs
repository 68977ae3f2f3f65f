using Grpc.Core;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Commands;

/// <summary>Streams judgements in batches over one StreamJudgements call, reading acknowledgements as they come.</summary>
internal static class JudgementStreaming
{
    public static async Task<List<ChangeOutcome>> StreamAsync(
        InspectionService.InspectionServiceClient client, string inspectionId, IReadOnlyList<Judgement> judgements, CancellationToken ct, int batchSize = 200, Action<int>? acknowledged = null)
    {
        using var call = client.StreamJudgements(cancellationToken: ct);
        var batches = judgements.Chunk(batchSize).Select((chunk, i) => new JudgementBatch { BatchId = (ulong)i + 1, InspectionId = inspectionId, Actor = Environment.UserName, Judgements = { chunk } }).ToList();
        var writer = Task.Run(async () =>
        {
            foreach (var batch in batches)
            {
                await call.RequestStream.WriteAsync(batch, ct);
            }

            await call.RequestStream.CompleteAsync();
        }, ct);
        var outcomes = new List<ChangeOutcome>();
        await foreach (var ack in call.ResponseStream.ReadAllAsync(ct))
        {
            outcomes.AddRange(ack.Outcomes);
            acknowledged?.Invoke(ack.Outcomes.Count);
        }

        await writer;
        return outcomes;
    }
}
