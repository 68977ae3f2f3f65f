using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using RatingGrid.Dashboard.Benchmarks;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Testing;

// The dashboard as its users meet it, measured from this separate process against a host process
// on Azurite and the web app (src/RatingGrid.Web) as its own process in front of it, in one run:
// 1. a signed-in person's load of a region page (the web app published, as deployed) with 12 PDUs in headless Chromium (Debian's, by
//    path), to the first contentful paint, which holds the PDU table (rendered on the server):
//    cold (a fresh profile and tab) and warm (the same tab again), and the bytes downloaded; with
//    the browser's own address-bar popup page switched off (HeadlessChromium says why), then as
//    Chromium is launched by default, for comparison;
// 2. 500 open live pages: each page's server-sent event connection to the web app (no rendering),
//    each signed in on its own and on its own HTTP/1.1 connection; writes to the inspection through
//    gRPC, each timed from sending it until every page has it; the web app's memory per page.
//   dotnet run -c Release --project benchmarks/RatingGrid.Dashboard.Benchmarks [loads [pages [updates]]]
var loads = Arg(0, 15);
var pages = Arg(1, 500);
var updates = Arg(2, 20);
var root = AzuriteProcess.RepositoryRoot();

await using var azurite = new AzuriteProcess();
await azurite.StartAsync();
using var host = HostProcess.Start(azurite, $"dash-{Guid.NewGuid():N}"[..20]);
await host.WaitUntilReadyAsync(CancellationToken.None);
using var web = await WebProcess.StartAsync(new Dictionary<string, string>
{
    ["Web:ServiceAddresses:0"] = host.Address,
    ["Web:SignIn"] = "Development",
    ["Web:DevelopmentSignIn"] = host.WebAddress + "/",
}, CancellationToken.None, PublishWeb(root));
Console.WriteLine($"host pid {host.ProcessId} on Azurite, web app pid {web.ProcessId}; {Environment.ProcessorCount} cores shared by host, web app, browser, client and Azurite");

// A region of 12 PDUs, each with an inspection of 30 cases.
var rulebook = RulebookCatalog.BuiltIn.Get(RulebookCatalog.DefaultKey);
var writer = host.Client();
const string Region = "Bench";
var pdus = Enumerable.Range(1, 12).Select(i => $"bench-pdu-{i:D2}").ToArray();
await host.Channel.RegisterAsync(Region, pdus);
foreach (var pdu in pdus)
{
    await writer.OpenInspectionAsync(LoadRequests.Open(rulebook, $"{pdu}-2025", Region, pdu));
    await writer.RecordJudgementsAsync(LoadRequests.Batch(rulebook, $"{pdu}-2025", revision: 1, firstCase: 0, cases: 30));
}

var id = $"{pdus[0]}-2025";
using (var playwright = await Playwright.CreateAsync())
{
    // One load first, not counted: the servers' first requests pay their JIT.
    async Task<LoadResult> RegionLoadsAsync(IBrowser browser)
    {
        await PageLoad.MeasureAsync(browser, web.Address, $"/regions/{Region}", "table", 1);
        return await PageLoad.MeasureAsync(browser, web.Address, $"/regions/{Region}", "table", loads);
    }

    await using (var browser = await HeadlessChromium.LaunchWithoutAddressBarPopupAsync(playwright))
    {
        var region = await RegionLoadsAsync(browser);
        Console.WriteLine($"the region page signed in, to the first paint (holding the PDU table), {loads} runs: {Times(region)} (target: cold p50 <= 500 ms, warm p50 <= 200 ms)");
        Console.WriteLine($"  first byte of the page (the server's share) p50 {Percentiles.Of([.. region.FirstByte], 50):N0} ms; painted by the renderer (before the compositor shows it) cold p50 {Percentiles.Of([.. region.Rendered.Where((_, i) => i % 2 == 0)], 50):N0} ms, warm p50 {Percentiles.Of([.. region.Rendered.Where((_, i) => i % 2 == 1)], 50):N0} ms");
        Console.WriteLine($"  downloaded: {Bytes(region)} (target: cold <= 300 KiB)");
    }

    // Measured second, so after the servers have served more: any advantage is this line's.
    await using (var asLaunched = await HeadlessChromium.LaunchAsync(playwright))
    {
        var beside = await RegionLoadsAsync(asLaunched);
        Console.WriteLine($"  for comparison, Chromium as launched by default, each new window also loading the browser's own address-bar popup page beside the page: {Times(beside)}");
    }
}

var signedIn = Stopwatch.StartNew();
var sessions = new string[pages];
for (var i = 0; i < pages; i++)
{
    sessions[i] = await WebSessions.SignInAsync(web.Address, $"page-{i}", CancellationToken.None);
}

Console.WriteLine($"{pages} sign-ins to the web app (the session and token stay on the server) in {signedIn.Elapsed.TotalSeconds:N1} s");
var live = await LiveFanOut.RunAsync(web, sessions, writer, rulebook, id, updates);
Console.WriteLine($"{pages} live pages (server-sent events, one HTTP/1.1 connection and session each), {live.Updates} writes: send to seen by each page p50 {live.P50:N1} ms, p99 {live.P99:N1} ms, max {live.Max:N1} ms (target p99 1,000 ms); " +
    $"web app resident memory {live.RssBeforeMiB:N0} -> {live.RssAfterMiB:N0} MiB, {live.BytesPerWatcher / 1024:N1} KiB per open page (target 200 KiB)");

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

static string Times(LoadResult load) =>
    $"cold p50 {Percentiles.Of([.. load.Cold], 50):N0} ms, max {load.Cold.Max():N0} ms; warm p50 {Percentiles.Of([.. load.Warm], 50):N0} ms, max {load.Warm.Max():N0} ms";

static string Bytes(LoadResult load) =>
    $"cold {load.ColdBytes.WireBytes / 1024.0:N0} KiB in {load.ColdBytes.Responses} responses (encodings: {string.Join(", ", load.ColdBytes.Encodings)}); " +
    $"warm {load.WarmBytes.WireBytes / 1024.0:N0} KiB in {load.WarmBytes.Responses} responses; largest: " +
    string.Join(", ", load.ColdBytes.Paths.Take(4).Select(p => $"{Path.GetFileName(p.Path)} {p.Bytes / 1024.0:N0} KiB"));

// The web app as it is deployed: published (its files fingerprinted, cached for good, precompressed).
static string PublishWeb(string root)
{
    var output = Path.Combine(root, ".data", "web-benchmark");
    using var publish = Process.Start("dotnet", ["publish", Path.Combine(root, "src", "RatingGrid.Web"), "-c", "Release", "-o", output, "-nologo", "-v", "quiet"]);
    publish.WaitForExit();
    if (publish.ExitCode != 0)
    {
        throw new InvalidOperationException("dotnet publish src/RatingGrid.Web failed; run it to see why.");
    }

    return Path.Combine(output, "RatingGrid.Web.dll");
}
