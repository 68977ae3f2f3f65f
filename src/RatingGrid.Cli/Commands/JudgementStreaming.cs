using RatingGrid.Client.Feeding;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Commands;

/// <summary>Feeds judgements in batches through the client library's feed (which resends after a break), reading acknowledgements as they come.</summary>
internal static class JudgementStreaming
{
    public static async Task<List<ChangeOutcome>> StreamAsync(
        InspectionService.InspectionServiceClient client, string inspectionId, IReadOnlyList<Judgement> judgements, CancellationToken ct, int batchSize = 200, Action<int>? acknowledged = null)
    {
        await using var feed = new JudgementFeed(client, new JudgementFeedOptions { Actor = Environment.UserName });
        var answers = new List<Task<JudgementsAck>>();
        foreach (var chunk in judgements.Chunk(batchSize))
        {
            answers.Add(await feed.QueueAsync(inspectionId, chunk, ct));
        }

        var outcomes = new List<ChangeOutcome>(judgements.Count);
        foreach (var answer in answers)
        {
            var ack = await answer.WaitAsync(ct);
            outcomes.AddRange(ack.Outcomes);
            acknowledged?.Invoke(ack.Outcomes.Count);
        }

        await feed.CompleteAsync(ct);
        return outcomes;
    }
}
