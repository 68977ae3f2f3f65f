using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Cluster;

/// <summary>
/// Three host processes clustered through Azure Table storage on Azurite; one is killed with SIGKILL
/// while clients stream to all three; the clients resend what was not acknowledged elsewhere.
/// </summary>
// Alone: it runs whole host processes, and shares the 2 cores with nothing else.
[Collection(nameof(RunsAlone))]
public sealed class FailoverTests(Azurite azurite)
{
    private const int Inspections = 6;
    private const int Rounds = 12;
    private static int _resent;

    [Fact]
    public async Task Killing_one_of_three_hosts_mid_stream_loses_no_acknowledged_judgement()
    {
        var cancel = TestContext.Current.CancellationToken;
        var cluster = $"failover-{Guid.NewGuid():N}";
        var hosts = Enumerable.Range(0, 3).Select(_ => HostProcess.Start(azurite, cluster)).ToList();
        try
        {
            foreach (var host in hosts)
            {
                await host.WaitUntilReadyAsync(cancel);
            }

            var client = hosts[0].Client();
            var ids = Enumerable.Range(0, Inspections).Select(i => $"{cluster}-{i}").ToList();
            foreach (var id in ids)
            {
                await client.OpenInspectionAsync(Requests.Open(id), cancellationToken: cancel);
            }

            var sent = new System.Collections.Concurrent.ConcurrentBag<Judgement>();
            var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var acknowledgedRounds = 0;
            var feeds = ids.Select((id, i) => Task.Run(async () =>
            {
                for (var round = 1; round <= Rounds; round++)
                {
                    var batch = new JudgementBatch { BatchId = (ulong)round, InspectionId = id, Actor = "feed" };
                    batch.Judgements.AddRange(Enumerable.Range(0, 5).Select(c => Requests.Judgement($"c{c}", round, seed: i)));
                    await SendUntilAcknowledgedAsync(hosts, i % hosts.Count, batch, cancel);
                    foreach (var judgement in batch.Judgements)
                    {
                        sent.Add(judgement);
                    }

                    if (Interlocked.Increment(ref acknowledgedRounds) == Inspections * Rounds / 3)
                    {
                        halfway.TrySetResult();
                    }
                }
            }, cancel)).ToList();

            await halfway.Task.WaitAsync(cancel);
            var resentBeforeKill = Volatile.Read(ref _resent);
            hosts[1].Kill();
            await Task.WhenAll(feeds);

            // Batches meant for the killed host went elsewhere.
            Assert.True(Volatile.Read(ref _resent) > resentBeforeKill, "no batch had to be resent after the kill");

            Assert.True(hosts[1].HasExited);
            var survivor = hosts[2].Client();
            foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            {
                var inspection = await Eventually.Read(() => survivor.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: cancel).ResponseAsync, cancel);
                Requests.AssertSame(Requests.FromScratch(sent.Where(j => Seeded(j, i))), inspection.Results);
            }

            var aggregation = new AggregationService.AggregationServiceClient(hosts[2].Channel);
            var nation = await Eventually.Until(
                () => Eventually.Read(() => aggregation.GetNationAsync(new GetNationRequest { IncludeInspections = true }, cancellationToken: cancel).ResponseAsync, cancel),
                n => ids.All(id => n.Inspections.Any(s => s.InspectionId == id && s.Version >= 1 + Rounds)),
                cancel, seconds: 60);
            Assert.All(ids, id => Assert.Contains(nation.Inspections, s => s.InspectionId == id && s.Cases == 5));
        }
        finally
        {
            foreach (var host in hosts)
            {
                host.Dispose();
            }
        }
    }

    // Each inspection's judgements were built with its own seed; pick them back out by case content.
    private static bool Seeded(Judgement judgement, int seed) =>
        Requests.Judgement(judgement.CaseId, judgement.Revision, seed: seed).Equals(judgement);

    // A client's duty after a failure: resend, to the next host, until acknowledged.
    internal static async Task SendUntilAcknowledgedAsync(List<HostProcess> hosts, int preferred, JudgementBatch batch, CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        for (var attempt = 0; ; attempt++)
        {
            var host = hosts[(preferred + attempt) % hosts.Count];
            try
            {
                using var call = host.Client().StreamJudgements(cancellationToken: cancel);
                await call.RequestStream.WriteAsync(batch, cancel);
                await call.RequestStream.CompleteAsync();
                await foreach (var _ in call.ResponseStream.ReadAllAsync(cancel))
                {
                    if (attempt > 0)
                    {
                        Interlocked.Increment(ref _resent);
                    }

                    return;
                }
            }
            catch (RpcException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancel); // retry pacing, bounded by the deadline
            }
        }
    }
}
