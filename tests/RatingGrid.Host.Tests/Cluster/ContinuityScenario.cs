using System.Diagnostics;
using Grpc.Net.Client;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Registry;
using RatingGrid.Testing;
using RatingGrid.Testing.Continuity;

namespace RatingGrid.Host.Tests.Cluster;

/// <summary>The steps and checks the host-loss and rolling-deploy tests share.</summary>
internal static class ContinuityScenario
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Opens <paramref name="count"/> inspections, spread over real PDUs of <paramref name="regions"/>.</summary>
    public static async Task<List<string>> OpenAsync(GrpcChannel channel, string prefix, IReadOnlyList<string> regions, int count, CancellationToken cancel)
    {
        var inspections = new InspectionService.InspectionServiceClient(channel);
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var region = regions[i % regions.Count];
            var pdus = PduRegistry.BuiltIn.Pdus.Where(p => p.Region == region).ToList();
            var pdu = pdus[i / regions.Count % pdus.Count];
            var open = Requests.Open($"{prefix}-{i:D2}");
            (open.Region, open.PduId, open.PduName) = (region, pdu.Id, pdu.Name);
            await inspections.OpenInspectionAsync(open, cancellationToken: cancel);
            ids.Add(open.InspectionId);
        }

        return ids;
    }

    /// <summary>Waits until the feed has had <paramref name="rounds"/> rounds acknowledged (on average over its inspections).</summary>
    public static async Task UntilAcknowledgedAsync(ContinuityFeed feed, IReadOnlyList<string> ids, int rounds, CancellationToken cancel)
    {
        var deadline = Stopwatch.StartNew();
        while (feed.Acks.Count < ids.Count * rounds)
        {
            Assert.True(deadline.Elapsed < Patience, $"the feed had only {feed.Acks.Count} batches acknowledged after {Patience.TotalSeconds} s; errors: {string.Join("; ", feed.Errors.Select(e => e.Message))}");
            await Task.Delay(50, cancel); // polling pace, bounded by the deadline
        }
    }

    /// <summary>Waits until each watch has seen the current version of its scope on the host it watches (or, balanced, on the first host).</summary>
    public static async Task UntilWatchesHoldAsync(WatchFleet watches, IReadOnlyList<(string Name, GrpcChannel Channel)> hosts, CancellationToken cancel)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var watch in watches.Records.Where(w => w.Failure is null && w.Breaks.Count == 0 || w.Host == "balanced"))
        {
            var host = hosts.FirstOrDefault(h => h.Name == watch.Host);
            var reads = new AggregationService.AggregationServiceClient(host.Channel ?? hosts[0].Channel);
            while (deadline.Elapsed < Patience)
            {
                var version = watch.Scope == "nation"
                    ? (await reads.GetNationAsync(new GetNationRequest(), cancellationToken: cancel)).Figures.Version
                    : (await reads.GetRegionAsync(new GetRegionRequest { Region = watch.Scope }, cancellationToken: cancel)).Version;
                if (watch.LastVersion >= version)
                {
                    break;
                }

                await Task.Delay(50, cancel); // polling pace, bounded by the deadline
            }
        }
    }

    public static string Describe(string what, IReadOnlyList<ReadSample> samples)
    {
        var took = samples.Where(s => !s.Failed).Select(s => s.Took.TotalMilliseconds).ToList();
        return took.Count == 0
            ? $"{what}: {samples.Count} reads, all failed"
            : $"{what}: {samples.Count} reads, {samples.Count(s => s.Failed)} failed; took p50 {Percentiles.Of(took, 50):N1} ms, p99 {Percentiles.Of(took, 99):N1} ms, max {took.Max():N1} ms";
    }

    /// <summary>Through each host, each rpc's answers never go back a version.</summary>
    public static void AssertNeverBackwards(IReadOnlyList<ReadSample> samples)
    {
        foreach (var reads in samples.Where(s => !s.Failed).GroupBy(s => (s.Host, s.Rpc)))
        {
            var ordered = reads.OrderBy(s => s.At).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i].Version >= ordered[i - 1].Version,
                    $"{reads.Key.Rpc} through {reads.Key.Host} went back from version {ordered[i - 1].Version} to {ordered[i].Version} at {ordered[i].At.TotalSeconds:N1} s");
            }
        }
    }

    /// <summary>Every watch kept its stream (raw) or rode out its breaks (resumable), its versions rising, and saw a change after <paramref name="since"/>.</summary>
    public static void AssertUnbroken(IReadOnlyList<WatchRecord> watches, TimeSpan since, bool breaksAllowed = false)
    {
        foreach (var watch in watches)
        {
            Assert.True(watch.Failure is null, $"watch {watch.Number} ({watch.Scope}) failed: {watch.Failure}");
            if (!breaksAllowed)
            {
                Assert.True(watch.Breaks.Count == 0, $"watch {watch.Number} ({watch.Scope}) on {watch.Host} broke: {string.Join("; ", watch.Breaks.Select(b => $"{b.At.TotalSeconds:N1} s {b.Status} {b.Detail}"))}");
            }

            var versions = watch.Versions;
            Assert.True(versions.Zip(versions.Skip(1)).All(pair => pair.Second.Version > pair.First.Version), $"watch {watch.Number} ({watch.Scope}) saw versions out of order");
            Assert.True(versions.Any(v => v.At > since), $"watch {watch.Number} ({watch.Scope}) on {watch.Host} saw no change after {since.TotalSeconds:N1} s");
        }
    }

    /// <summary>Each inspection's figures are exactly those of the newest acknowledged judgement of each of its cases.</summary>
    public static async Task AssertStoredAsync(GrpcChannel channel, ContinuityFeed feed, IReadOnlyList<string> ids, CancellationToken cancel)
    {
        var inspections = new InspectionService.InspectionServiceClient(channel);
        foreach (var id in ids)
        {
            var inspection = await inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: cancel);
            var acknowledged = feed.Acknowledged.Where(a => a.Key.Inspection == id).Select(a => a.Value).ToList();
            Assert.Equal(acknowledged.Count, inspection.Results.Cases);
            Requests.AssertSame(Requests.FromScratch(acknowledged), inspection.Results);
        }
    }
}
