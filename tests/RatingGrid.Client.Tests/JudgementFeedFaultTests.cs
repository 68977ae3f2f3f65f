using System.Collections.Concurrent;
using RatingGrid.Client.Connections;
using RatingGrid.Client.Feeding;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Client.Tests;

/// <summary>
/// The feed as a service feeding judgements uses it, against the host as an operator runs it (its own
/// process, on Azurite): the host is SIGKILLed mid-stream and started again on the same address.
/// Every batch must be answered exactly once, with an acknowledgement, and the inspection must end
/// equal to one fed the same judgements without a fault. `scripts/client-fault-loop.sh` runs it again and again.
/// </summary>
public sealed class JudgementFeedFaultTests(Azurite azurite)
{
    private const int Batches = 60;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_host_killed_mid_stream_and_started_again_loses_nothing_and_answers_each_batch_once()
    {
        var host = HostProcess.Start(azurite, $"client-fault-{Guid.NewGuid():N}", clustering: "Localhost");
        try
        {
            await host.WaitUntilReadyAsync(Cancel);
            var batches = Cases.Batches(Batches, 10, seed: Environment.TickCount);
            var (faulty, calm) = ($"faulty-{Guid.NewGuid():N}", $"calm-{Guid.NewGuid():N}");
            using var channel = RatingGridChannel.Create(host.Address, TestTokens.Everything());
            var inspections = new InspectionService.InspectionServiceClient(channel);
            await inspections.OpenInspectionAsync(Cases.Open(faulty), cancellationToken: Cancel);
            await inspections.OpenInspectionAsync(Cases.Open(calm), cancellationToken: Cancel);

            var answers = new ConcurrentDictionary<int, int>();
            var breaks = 0;
            var feed = new JudgementFeed(inspections, new JudgementFeedOptions { MaxPending = 8, Broken = (_, _) => Interlocked.Increment(ref breaks) });
            var acknowledgedBeforeKill = new TaskCompletionSource();
            var sent = new List<Task<JudgementsAck>>();
            for (var b = 0; b < Batches; b++)
            {
                var index = b;
                var answer = await feed.QueueAsync(faulty, batches[b], Cancel);
                _ = answer.ContinueWith(t =>
                {
                    answers.AddOrUpdate(index, 1, (_, n) => n + 1);
                    if (answers.Count >= Batches / 3)
                    {
                        acknowledgedBeforeKill.TrySetResult();
                    }
                }, TaskScheduler.Default);
                sent.Add(answer);
                if (b == Batches / 2)
                {
                    // Mid-stream: a third acknowledged, the rest queued or in flight.
                    await acknowledgedBeforeKill.Task.WaitAsync(TimeSpan.FromSeconds(60), Cancel);
                    host.Kill();
                    host = host.StartAgain();
                }
            }

            var acks = await Task.WhenAll(sent).WaitAsync(TimeSpan.FromSeconds(120), Cancel);
            await feed.CompleteAsync(Cancel);
            await feed.DisposeAsync();

            Assert.True(breaks > 0, "the feed never saw the host go");
            Assert.Equal(Enumerable.Range(0, Batches), answers.Keys.Order());
            Assert.All(answers.Values, n => Assert.Equal(1, n));
            Assert.Equal(Batches, acks.Select(a => a.BatchId).Distinct().Count());
            Assert.All(acks.Zip(batches), pair => Assert.Equal(pair.Second.Length, pair.First.Outcomes.Count));
            Assert.All(acks.SelectMany(a => a.Outcomes), o => Assert.Contains(o, new[] { ChangeOutcome.Applied, ChangeOutcome.Duplicate }));

            // The same judgements without a fault, on the host that came back: the two inspections agree in every figure.
            await host.WaitUntilReadyAsync(Cancel);
            await using (var calmFeed = new JudgementFeed(inspections))
            {
                foreach (var batch in batches)
                {
                    await calmFeed.SendAsync(calm, batch, Cancel);
                }
            }

            var (afterFault, withoutFault) = (await GetAsync(inspections, faulty), await GetAsync(inspections, calm));
            Assert.Equal(withoutFault.Results, afterFault.Results);
            Assert.Equal(batches.SelectMany(b => b).Select(j => j.CaseId).Distinct().Count(), afterFault.Results.Cases);
        }
        finally
        {
            host.Dispose();
        }
    }

    private static async Task<Inspection> GetAsync(InspectionService.InspectionServiceClient inspections, string id) =>
        await inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel);
}
