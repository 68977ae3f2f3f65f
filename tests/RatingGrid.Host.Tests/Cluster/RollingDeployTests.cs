using System.Diagnostics;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;
using RatingGrid.Testing.Continuity;

namespace RatingGrid.Host.Tests.Cluster;

/// <summary>
/// A rolling deploy of three hosts as an orchestrator does it (each host in turn SIGTERMed, started
/// again and waited for until ready), under a judgement feed, 50 resumable watches and a poller of
/// the national reads, all through the client library over a channel that balances over the hosts:
/// the library surfaces no error, no read fails, no acknowledged judgement is lost, and every watch
/// rides out its breaks and ends at the current version.
/// </summary>
// Alone: it runs whole host processes, and shares the 2 cores with nothing else.
[Collection(nameof(RunsAlone))]
public sealed class RollingDeployTests(Azurite azurite, ITestOutputHelper output)
{
    private static readonly string[] Regions = ["North East", "Wales", "London"];

    [Fact]
    public async Task Restarting_each_host_in_turn_surfaces_no_error_to_client_library_callers_and_loses_nothing()
    {
        var cancel = TestContext.Current.CancellationToken;
        var name = $"deploy-{Guid.NewGuid():N}";
        using var cluster = await HostCluster.StartAsync(azurite, name, 3, cancel);
        using var balanced = cluster.Balanced(TestTokens.Everything("feed"));
        var ids = await ContinuityScenario.OpenAsync(balanced, name, Regions, 12, cancel);

        var clock = Stopwatch.StartNew();
        var feed = new ContinuityFeed(new InspectionService.InspectionServiceClient(balanced), ids, clock);
        var poller = new ReadPoller([("balanced", balanced)], Regions[0], TimeSpan.FromMilliseconds(100), clock);
        var watches = WatchFleet.Resumable(balanced, Regions, 50, clock);
        using var stopFeeding = new CancellationTokenSource();
        using var stopReading = new CancellationTokenSource();
        var feeding = feed.RunAsync(stopFeeding.Token);
        var reading = poller.RunAsync(stopReading.Token);
        var watching = watches.RunAsync(stopReading.Token);
        await ContinuityScenario.UntilAcknowledgedAsync(feed, ids, rounds: 3, cancel);

        var deployStarted = clock.Elapsed;
        for (var place = 0; place < cluster.Count; place++)
        {
            var (stopping, starting) = await cluster.RestartAsync(place, cancel);
            output.WriteLine($"host {place}: exited {stopping.TotalSeconds:N1} s after SIGTERM, ready again {starting.TotalSeconds:N1} s later");
        }

        var deployed = clock.Elapsed;
        await ContinuityScenario.UntilAcknowledgedAsync(feed, ids, rounds: feed.Acks.Count / ids.Count + 2, cancel); // the feed goes on after the deploy
        await stopFeeding.CancelAsync();
        await feeding;
        await ContinuityScenario.UntilWatchesHoldAsync(watches, [("balanced", balanced)], cancel);
        await stopReading.CancelAsync();
        await Task.WhenAll(reading, watching);

        var samples = poller.Samples;
        var during = samples.Where(s => s.At >= deployStarted && s.At <= deployed).ToList();
        output.WriteLine(ContinuityScenario.Describe($"reads during the deploy ({(deployed - deployStarted).TotalSeconds:N1} s)", during));
        output.WriteLine($"feed: {feed.Rate(TimeSpan.Zero, deployStarted):N0} judgements/s before, {feed.Rate(deployStarted, deployed):N0} during; watch breaks ridden out: {watches.Records.Sum(w => w.Breaks.Count)}");

        Assert.Empty(feed.Errors);
        Assert.True(during.Count > 0, "no read was made during the deploy");
        Assert.All(samples, s => Assert.False(s.Failed, $"{s.Rpc} at {s.At.TotalSeconds:N1} s failed: {s.Status} {s.Detail}"));
        ContinuityScenario.AssertUnbroken(watches.Records, deployed, breaksAllowed: true);
        await ContinuityScenario.AssertStoredAsync(balanced, feed, ids, cancel);
    }
}
