using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using RatingGrid.Continuity.Benchmarks;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Registry;
using RatingGrid.Testing;
using RatingGrid.Testing.Continuity;

// Continuity through a host loss and a rolling deploy, measured from outside: three host processes
// clustered through Azure Table storage on Azurite with the settings the host ships with, a
// judgement feed through the client library as fast as acknowledgements allow, and reads.
// 1. steady: the feed's rate, and read latency through every host;
// 2. the host holding the nation SIGKILLed: read latency p50/p99/max through the survivors over the
//    following minute, failed reads, and when the nation was current again;
// 3. that host restarted, then a rolling deploy (each host SIGTERMed, restarted and waited for):
//    read latency through the client library meanwhile, and the feed's rate as a share of its steady rate;
// 4. what the copies cost (one host in process, memory storage): memory per inspection and per
//    aggregate view in a host's copy, and bytes per change sent from the nation to each host.
//   dotnet run -c Release --project benchmarks/RatingGrid.Continuity.Benchmarks [steady-seconds [after-kill-seconds]]
var steadySeconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var afterKillSeconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
string[] regions = ["North East", "Wales", "London", "South West"];

await using var azurite = new AzuriteProcess();
await azurite.StartAsync();
var name = $"continuity-{Guid.NewGuid():N}";
using (var cluster = await HostCluster.StartAsync(azurite, name, 3, CancellationToken.None))
{
    using var balanced = cluster.Balanced(TestTokens.Everything("benchmark"));
    var ids = await OpenAsync(balanced, name, 24);
    var clock = Stopwatch.StartNew();
    var feed = new ContinuityFeed(new InspectionService.InspectionServiceClient(balanced), ids, clock) { RoundPause = TimeSpan.Zero };
    using var stopFeeding = new CancellationTokenSource();
    var feeding = feed.RunAsync(stopFeeding.Token);

    // 1. Steady, all three up.
    await Task.Delay(TimeSpan.FromSeconds(5)); // warm-up, not measured
    var steadyFrom = clock.Elapsed;
    var steadyReads = await ReadAsync(Everyone(cluster, [0, 1, 2]), TimeSpan.FromSeconds(steadySeconds), clock);
    var steadyRate = feed.Rate(steadyFrom, clock.Elapsed);
    Printed.Line("steady, 3 hosts", steadyReads, $"feed {steadyRate:N0} judgements/s");

    // 2. The nation's host SIGKILLed; reads through the survivors for the following minute.
    var victim = await cluster.NationHostAsync(CancellationToken.None);
    var survivors = Enumerable.Range(0, 3).Where(i => i != victim).ToArray();
    using var stopPolling = new CancellationTokenSource();
    var poller = new ReadPoller(Everyone(cluster, survivors), regions[0], TimeSpan.FromMilliseconds(50), clock);
    var polling = poller.RunAsync(stopPolling.Token);
    await Task.Delay(TimeSpan.FromSeconds(2)); // the poller's baseline, not measured
    cluster.Kill(victim);
    var killedAt = clock.Elapsed;
    var current = await NationCatchUp.CurrentAgainAsync(cluster[survivors[0]].Channel, feed, killedAt, TimeSpan.FromSeconds(afterKillSeconds), clock);
    await stopPolling.CancelAsync();
    await polling;
    var afterKill = poller.Samples.Where(s => s.At >= killedAt).ToList();
    Printed.Line($"{afterKillSeconds} s after SIGKILL of the nation's host, through the 2 survivors", afterKill,
        $"nation current again (every change acknowledged {NationCatchUp.Lag.TotalSeconds:N0} s before) {(current == TimeSpan.MaxValue ? "never" : $"{(current - killedAt).TotalSeconds:N1} s after the kill")}; feed {feed.Rate(killedAt, clock.Elapsed):N0} judgements/s ({feed.Rate(killedAt, clock.Elapsed) / steadyRate:P0} of steady)");

    // 3. The lost host back, a steady spell, then a rolling deploy through the client library.
    var again = await cluster.StartAgainAsync(victim, CancellationToken.None);
    Console.WriteLine($"host {victim} restarted and ready in {again.TotalSeconds:N1} s");
    var beforeDeploy = clock.Elapsed;
    await Task.Delay(TimeSpan.FromSeconds(steadySeconds));
    var rateBefore = feed.Rate(beforeDeploy, clock.Elapsed);
    var library = new ReadPoller([("balanced", balanced)], regions[0], TimeSpan.FromMilliseconds(50), clock);
    using var stopLibrary = new CancellationTokenSource();
    var libraryPolling = library.RunAsync(stopLibrary.Token);
    var deployFrom = clock.Elapsed;
    for (var place = 0; place < cluster.Count; place++)
    {
        var (stopping, starting) = await cluster.RestartAsync(place, CancellationToken.None);
        Console.WriteLine($"deploy: host {place} exited {stopping.TotalSeconds:N1} s after SIGTERM, ready again {starting.TotalSeconds:N1} s later");
    }

    var deployTo = clock.Elapsed;
    await stopLibrary.CancelAsync();
    await libraryPolling;
    var rateDuring = feed.Rate(deployFrom, deployTo);
    Printed.Line($"rolling deploy ({(deployTo - deployFrom).TotalSeconds:N0} s), through the client library", library.Samples.Where(s => s.At >= deployFrom && s.At <= deployTo).ToList(),
        $"feed {rateDuring:N0} judgements/s, {rateDuring / rateBefore:P0} of its steady {rateBefore:N0}");

    await stopFeeding.CancelAsync();
    await feeding;
    Console.WriteLine($"feed: {feed.Acks.Count:N0} batches acknowledged, {feed.Errors.Count} errors surfaced by the client library");
}

// 4. What the copies cost.
await CopyCost.MeasureAsync(azurite);

static IReadOnlyList<(string Name, GrpcChannel Channel)> Everyone(HostCluster cluster, int[] places) => [.. places.Select(i => ($"host {i}", cluster[i].Channel))];

static async Task<IReadOnlyList<ReadSample>> ReadAsync(IReadOnlyList<(string Name, GrpcChannel Channel)> targets, TimeSpan period, Stopwatch clock)
{
    using var stop = new CancellationTokenSource(period);
    var poller = new ReadPoller(targets, "North East", TimeSpan.FromMilliseconds(50), clock);
    await poller.RunAsync(stop.Token);
    return poller.Samples;
}

static async Task<List<string>> OpenAsync(GrpcChannel channel, string prefix, int count)
{
    var inspections = new InspectionService.InspectionServiceClient(channel);
    var pdus = PduRegistry.BuiltIn.Pdus;
    var ids = new List<string>();
    for (var i = 0; i < count; i++)
    {
        var pdu = pdus[i * 7 % pdus.Count];
        var open = LoadRequests.Open(Printed.Rulebook, $"{prefix}-{i:D2}", pdu.Region, pdu.Id);
        open.PduName = pdu.Name;
        await inspections.OpenInspectionAsync(open);
        ids.Add(open.InspectionId);
    }

    return ids;
}
