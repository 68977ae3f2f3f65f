using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using RatingGrid.Dashboard.Benchmarks;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Testing;

// The dashboard as its users meet it, measured from this separate process against a host process
// on Azurite serving the published dashboard, in one run:
// 1. first load in headless Chromium (Debian's, by path) until the sign-in form shows: cold (fresh
//    profile) and warm (the same profile again), and the bytes downloaded;
// 2. 500 browsers' worth of live pages: gRPC-Web WatchInspection streams (no rendering), each
//    signed in on its own through the development sign-in, one HTTP/1.1 connection each; writes
//    to the inspection, each timed from sending it until every watcher has it; the host's
//    resident memory per watcher.
//   dotnet run -c Release --project benchmarks/RatingGrid.Dashboard.Benchmarks [loads [watchers [updates]]]
var loads = Arg(0, 5);
var watchers = Arg(1, 500);
var updates = Arg(2, 20);
var root = AzuriteProcess.RepositoryRoot();
var dashboard = Path.Combine(root, ".data", "dashboard");
Publish(root);

await using var azurite = new AzuriteProcess();
await azurite.StartAsync();
using var host = HostProcess.Start(azurite, $"dash-{Guid.NewGuid():N}"[..20], settings: new Dictionary<string, string> { ["Service:DashboardPath"] = dashboard });
await host.WaitUntilReadyAsync(CancellationToken.None);
Console.WriteLine($"host pid {host.ProcessId} on Azurite serving {dashboard}; {Environment.ProcessorCount} cores shared by host, browser, client and Azurite");

using (var playwright = await Playwright.CreateAsync())
{
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
    await FirstLoad.MeasureAsync(browser, host.WebAddress, 1); // warm-up: the host's first requests pay its JIT
    var load = await FirstLoad.MeasureAsync(browser, host.WebAddress, loads);
    Console.WriteLine($"first load to the sign-in form, {loads} runs: cold p50 {Percentiles.Of([.. load.Cold], 50):N0} ms, max {load.Cold.Max():N0} ms; warm p50 {Percentiles.Of([.. load.Warm], 50):N0} ms, max {load.Warm.Max():N0} ms");
    Console.WriteLine($"downloaded: cold {load.ColdBytes.WireBytes / 1024.0:N0} KiB in {load.ColdBytes.Responses} responses (encodings: {string.Join(", ", load.ColdBytes.Encodings)}); " +
        $"warm {load.WarmBytes.WireBytes / 1024.0:N0} KiB in {load.WarmBytes.Responses} responses");
    Console.WriteLine($"  largest: {string.Join(", ", load.ColdBytes.Paths.Take(6).Select(p => $"{Path.GetFileName(p.Path)} {p.Bytes / 1024.0:N0} KiB"))}");
}

var rulebook = RulebookCatalog.BuiltIn.Get(RulebookCatalog.DefaultKey);
var writer = host.Client();
const string Id = "dashboard-bench";
await host.Channel.RegisterAsync("Bench", Id);
await writer.OpenInspectionAsync(LoadRequests.Open(rulebook, Id, "Bench"));
await writer.RecordJudgementsAsync(LoadRequests.Batch(rulebook, Id, revision: 1, firstCase: 0, cases: 30));
var signedIn = Stopwatch.StartNew();
var tokens = new string[watchers];
for (var i = 0; i < watchers; i++)
{
    tokens[i] = await Browsers.SignInAsync(host.WebAddress, $"browser-{i}");
}

Console.WriteLine($"{watchers} development sign-ins in {signedIn.Elapsed.TotalSeconds:N1} s");
var next = 0;
var fanOut = await FanOut.RunAsync(host, () => Browsers.Channel(host.WebAddress, tokens[next++]), writer, rulebook, Id, watchers, connections: watchers, updates);
Console.WriteLine($"{watchers} gRPC-Web WatchInspection streams (one HTTP/1.1 connection and token each), {fanOut.Updates} writes: send to seen by each watcher p50 {fanOut.P50:N1} ms, p99 {fanOut.P99:N1} ms, max {fanOut.Max:N1} ms (target p99 1,000 ms); " +
    $"host resident memory {fanOut.RssBeforeMiB:N0} -> {fanOut.RssAfterMiB:N0} MiB, {fanOut.BytesPerWatcher / 1024:N1} KiB per watcher");

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

// The host serves what scripts/publish-dashboard.sh wrote; publish it when a fresh clone has not yet.
static void Publish(string root)
{
    if (File.Exists(Path.Combine(root, ".data", "dashboard", "wwwroot", "index.html")))
    {
        return;
    }

    using var publish = Process.Start("bash", [Path.Combine(root, "scripts", "publish-dashboard.sh")]);
    publish.WaitForExit();
    if (publish.ExitCode != 0)
    {
        throw new InvalidOperationException("scripts/publish-dashboard.sh failed; run it to see why.");
    }
}
