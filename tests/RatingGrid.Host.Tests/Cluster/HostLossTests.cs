using System.Diagnostics;
using Grpc.Net.Client;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;
using RatingGrid.Testing.Continuity;

namespace RatingGrid.Host.Tests.Cluster;

/// <summary>
/// Three hosts as an operator runs them (Azure Table clustering on Azurite, the settings the host
/// ships with). Under a judgement feed through the client library, 50 open watches and a poller of
/// the national reads through the two hosts that will survive, the host holding the nation is
/// SIGKILLed: no read through a survivor fails or takes a second, no watch on them breaks or goes
/// back, the nation takes every acknowledged change within 10 s, and every acknowledged judgement is stored.
/// </summary>
// Alone: it runs whole host processes, and shares the 2 cores with nothing else.
[Collection(nameof(RunsAlone))]
public sealed class HostLossTests(Azurite azurite, ITestOutputHelper output)
{
    private static readonly string[] Regions = ["North East", "Wales", "London"];

    [Fact]
    public async Task Losing_the_host_that_holds_the_nation_fails_no_read_through_the_others_and_the_nation_is_current_within_10_s()
    {
        var cancel = TestContext.Current.CancellationToken;
        var name = $"hostloss-{Guid.NewGuid():N}";
        using var cluster = await HostCluster.StartAsync(azurite, name, 3, cancel);
        using var balanced = cluster.Balanced(TestTokens.Everything("feed"));
        var ids = await ContinuityScenario.OpenAsync(balanced, name, Regions, 12, cancel);

        var victim = await cluster.NationHostAsync(cancel);
        var places = Enumerable.Range(0, 3).Where(i => i != victim).ToList();
        var survivors = places.Select(i => ($"host {i}", cluster[i].Channel)).ToList<(string, GrpcChannel)>();
        var clock = Stopwatch.StartNew();
        var feed = new ContinuityFeed(new InspectionService.InspectionServiceClient(balanced), ids, clock);
        var poller = new ReadPoller(survivors, Regions[0], TimeSpan.FromMilliseconds(100), clock);
        var watches = WatchFleet.Raw(survivors, Regions, 50, clock);
        using var stopFeeding = new CancellationTokenSource();
        using var stopReading = new CancellationTokenSource();
        var feeding = feed.RunAsync(stopFeeding.Token);
        var reading = poller.RunAsync(stopReading.Token);
        var watching = watches.RunAsync(stopReading.Token);

        await ContinuityScenario.UntilAcknowledgedAsync(feed, ids, rounds: 3, cancel);
        cluster.Kill(victim);
        var killedAt = clock.Elapsed;
        // From now on half the inspections are left alone: only their reminders can bring their last changes to the nation.
        feed.Feeding = id => ids.IndexOf(id) % 2 == 0;

        var current = await NationCatchUp.CurrentAgainAsync(cluster[places[0]].Channel, feed, killedAt, TimeSpan.FromSeconds(15), clock, cancel);
        var currentAfter = current == TimeSpan.MaxValue ? TimeSpan.MaxValue : current - killedAt; // MaxValue: still behind at the end
        await stopFeeding.CancelAsync();
        await feeding;
        await ContinuityScenario.UntilWatchesHoldAsync(watches, survivors, cancel);
        await stopReading.CancelAsync();
        await Task.WhenAll(reading, watching);

        var samples = poller.Samples;
        var afterKill = samples.Where(s => s.At >= killedAt).ToList();
        output.WriteLine($"victim host {victim} (the nation's); nation current again (every change acknowledged {NationCatchUp.Lag.TotalSeconds:N0} s earlier) {currentAfter.TotalSeconds:N1} s after the kill");
        output.WriteLine(ContinuityScenario.Describe("reads through survivors after the kill", afterKill));
        output.WriteLine($"most behind a read said it might be: {afterKill.Select(s => s.Behind ?? TimeSpan.Zero).DefaultIfEmpty().Max().TotalSeconds:N1} s; acknowledged batches {feed.Acks.Count}");

        Assert.Empty(feed.Errors);
        Assert.True(afterKill.Count > 0, "no read was made after the kill");
        Assert.All(samples, s => Assert.False(s.Failed, $"{s.Rpc} through {s.Host} at {s.At.TotalSeconds:N1} s failed: {s.Status} {s.Detail}"));
        Assert.All(samples, s => Assert.True(s.Took < TimeSpan.FromSeconds(1), $"{s.Rpc} through {s.Host} at {s.At.TotalSeconds:N1} s took {s.Took.TotalMilliseconds:N0} ms"));
        ContinuityScenario.AssertNeverBackwards(samples);
        ContinuityScenario.AssertUnbroken(watches.Records, killedAt);
        Assert.True(currentAfter <= TimeSpan.FromSeconds(10), $"the nation was current again only {currentAfter.TotalSeconds:N1} s after the kill");
        await ContinuityScenario.AssertStoredAsync(balanced, feed, ids, cancel);
    }
}
