using Grpc.Core;
using RatingGrid.Client.Feeding;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Client.Tests;

/// <summary>The feed's answers without faults, on a real host: a refusal goes to its own batch only, and sends wait for room.</summary>
public sealed class JudgementFeedTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_refused_batch_is_answered_with_its_refusal_and_the_batches_after_it_go_on()
    {
        var id = $"refusal-{Guid.NewGuid():N}";
        await host.Inspections.OpenInspectionAsync(Cases.Open(id), cancellationToken: Cancel);
        var batches = Cases.Batches(3, 4, seed: 7);
        var malformed = batches[1][0].Clone();
        malformed.Answers[0].Answer = Answer.Unspecified;
        await using var feed = new JudgementFeed(host.Inspections);

        var first = await feed.QueueAsync(id, batches[0], Cancel);
        var refused = await feed.QueueAsync(id, [malformed], Cancel);
        var third = await feed.QueueAsync(id, batches[2], Cancel);

        Assert.Equal(batches[0].Length, (await first).Outcomes.Count);
        var refusal = await Assert.ThrowsAsync<RpcException>(() => refused);
        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        // Applied on the stream the refusal ended, or resent on the next and so a duplicate: stored either way.
        Assert.All((await third).Outcomes, o => Assert.Contains(o, new[] { ChangeOutcome.Applied, ChangeOutcome.Duplicate }));
        await feed.CompleteAsync(Cancel);
        var inspection = await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel);
        Assert.Equal(batches[0].Concat(batches[2]).Select(j => j.CaseId).Distinct().Count(), inspection.Results.Cases);
    }

    [Fact]
    public async Task With_max_pending_batches_unanswered_a_further_send_waits_for_room()
    {
        var id = $"room-{Guid.NewGuid():N}";
        await host.Inspections.OpenInspectionAsync(Cases.Open(id), cancellationToken: Cancel);
        var batches = Cases.Batches(12, 5, seed: 11);
        await using var feed = new JudgementFeed(host.Inspections, new JudgementFeedOptions { MaxPending = 2 });

        var most = 0;
        var answers = new List<Task<JudgementsAck>>();
        foreach (var batch in batches)
        {
            answers.Add(await feed.QueueAsync(id, batch, Cancel));
            most = Math.Max(most, feed.Unanswered);
        }

        await Task.WhenAll(answers);
        Assert.InRange(most, 1, 2);
        Assert.Equal(answers.Select(a => a.Result.BatchId).Order(), answers.Select(a => a.Result.BatchId));
        await feed.CompleteAsync(Cancel);
        Assert.Equal(0, feed.Unanswered);
    }
}
