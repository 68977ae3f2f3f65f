using System.Diagnostics;
using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Cluster;

/// <summary>
/// Three hosts clustered through Azure Table storage. Twenty inspections are changed quickly through
/// one host, which is SIGKILLed right after the last acknowledgement, with publications still in
/// flight. Nobody touches those inspections again; regions and the nation must still come to equal a
/// recomputation from what was acknowledged (their reminders wake them on the surviving hosts).
/// </summary>
// Alone: it runs whole host processes, and shares the 2 cores with nothing else.
[Collection(nameof(RunsAlone))]
public sealed class UntouchedFailoverTests(Azurite azurite, ITestOutputHelper output)
{
    private const int Inspections = 20;
    private const int Rounds = 4;
    private static readonly string[] Regions = ["North East", "Wales", "London"];

    [Fact]
    public async Task After_a_host_holding_changed_inspections_is_killed_regions_and_the_nation_heal_with_no_client_touching_them()
    {
        var cancel = TestContext.Current.CancellationToken;
        var cluster = $"untouched-{Guid.NewGuid():N}";
        var hosts = Enumerable.Range(0, 3).Select(_ => HostProcess.Start(azurite, cluster)).ToList();
        try
        {
            foreach (var host in hosts)
            {
                await host.WaitUntilReadyAsync(cancel);
            }

            // Every change enters through the host about to die, so the inspections live there.
            var doomed = hosts[0].Client();
            var ids = Enumerable.Range(0, Inspections).Select(i => $"{cluster}-{i:D2}").ToList();
            var acknowledged = ids.ToDictionary(id => id, _ => new List<Judgement>());
            var versions = new Dictionary<string, long>();
            foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            {
                var open = Requests.Open(id);
                (open.Region, open.PduId) = (Regions[i % Regions.Length], Registrations.PduIn(Regions[i % Regions.Length]));
                await hosts[0].Channel.RegisterAsync(open.Region, open.PduId);
                await doomed.OpenInspectionAsync(open, cancellationToken: cancel);
            }

            using (var call = doomed.StreamJudgements(cancellationToken: cancel))
            {
                ulong batchId = 0;
                foreach (var round in Enumerable.Range(1, Rounds))
                {
                    foreach (var (id, i) in ids.Select((id, i) => (id, i)))
                    {
                        var batch = new JudgementBatch { BatchId = ++batchId, InspectionId = id, Actor = "feed" };
                        batch.Judgements.AddRange(Enumerable.Range(0, 1 + (i % 4)).Select(c => Requests.Judgement($"c{c}", round, seed: i)));
                        await call.RequestStream.WriteAsync(batch, cancel);
                    }
                }

                await call.RequestStream.CompleteAsync();
                var batches = ids.SelectMany(id => Enumerable.Range(1, Rounds).Select(round => (id, round))).ToList();
                await foreach (var ack in call.ResponseStream.ReadAllAsync(cancel))
                {
                    var (id, round) = (ack.InspectionId, (int)((ack.BatchId - 1) / Inspections) + 1);
                    var i = ids.IndexOf(id);
                    acknowledged[id].AddRange(Enumerable.Range(0, 1 + (i % 4)).Select(c => Requests.Judgement($"c{c}", round, seed: i)));
                    versions[id] = Math.Max(versions.GetValueOrDefault(id), ack.Version);
                }
            }

            hosts[0].Kill(); // right after the last acknowledgement, publications in flight
            var killed = Stopwatch.StartNew();
            Assert.Equal(Inspections, versions.Count);

            var aggregation = new AggregationService.AggregationServiceClient(hosts[1].Channel);
            var nation = await Eventually.Until(
                () => Eventually.Read(() => aggregation.GetNationAsync(new GetNationRequest { IncludeInspections = true }, cancellationToken: cancel).ResponseAsync, cancel),
                n => ids.All(id => n.Inspections.Any(s => s.InspectionId == id && s.Version == versions[id])),
                cancel, seconds: 60);
            var healedAfter = killed.Elapsed;
            output.WriteLine($"nation current for all {Inspections} inspections {healedAfter.TotalSeconds:N1} s after the kill (bound 10 s)");
            Assert.All(ids, id => Assert.Contains(nation.Inspections, s => s.InspectionId == id && s.Version == versions[id]));
            Assert.True(healedAfter < TimeSpan.FromSeconds(10), $"the nation healed only {healedAfter.TotalSeconds:N1} s after the kill");

            var expected = Requests.FromScratchPooled(acknowledged.Values.Select(judgements => judgements.AsEnumerable()));
            Requests.AssertSamePooled(expected, nation.Figures.Rulebooks.Single());
            foreach (var region in Regions)
            {
                var inRegion = ids.Where((_, i) => Regions[i % Regions.Length] == region).ToList();
                var want = Requests.FromScratchPooled(inRegion.Select(id => acknowledged[id].AsEnumerable()));
                var figures = await Eventually.Until(
                    () => Eventually.Read(() => aggregation.GetRegionAsync(new GetRegionRequest { Region = region }, cancellationToken: cancel).ResponseAsync, cancel),
                    f => f.Rulebooks.Count == 1 && Requests.SamePooled(want, f.Rulebooks[0]),
                    cancel, seconds: 30);
                output.WriteLine($"region {region} current {killed.Elapsed.TotalSeconds:N1} s after the kill");
                Requests.AssertSamePooled(want, figures.Rulebooks.Single());
            }
        }
        finally
        {
            foreach (var host in hosts)
            {
                host.Dispose();
            }
        }
    }
}
