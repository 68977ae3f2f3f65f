using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using RatingGrid.Aggregation.Benchmarks;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Host.Hosting;
using RatingGrid.Testing;

// Regional and national aggregation, end to end through the public rpcs (gRPC over loopback):
// 1. freshness on Azurite: acknowledgement to visibility through WatchNation, WatchRegion and
//    GetNation, while every other inspection keeps receiving revisions; probes come in bursts of
//    three changes to one inspection, so consecutive changes are measured too;
// 2. scale: 10,000 inspections (memory storage: the read path does not touch storage), GetNation
//    p50/p99, streaming every summary, and the process's memory.
//   dotnet run -c Release --project benchmarks/RatingGrid.Aggregation.Benchmarks [inspections [seconds]]
var scale = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
var rulebook = RulebookCatalog.BuiltIn.Get(RulebookCatalog.DefaultKey);
string[] Regions = ["North East", "North West", "Greater Manchester", "Yorkshire and the Humber", "East Midlands", "West Midlands",
    "East of England", "London", "Kent Surrey and Sussex", "South Central", "South West", "Wales"];

await using var azurite = new AzuriteProcess();
await azurite.StartAsync();
const string Publications = "ratinggrid.aggregation.publications", StandingRows = "ratinggrid.standings.writes", StandingBytes = "ratinggrid.standings.bytes_written";
using var written = new GrainMeterSums(Publications, StandingRows, StandingBytes);

await using (var durable = await StartHostAsync("AzureBlob"))
{
    await FreshnessAsync(durable, inspections: 200, TimeSpan.FromSeconds(seconds));
}

Console.WriteLine($"aggregation writes: {written[Publications]:N0} standings taken by regions and the nation, {written[StandingRows]:N0} standings rows written, {written[StandingBytes]:N0} bytes: " +
    $"{written[StandingBytes] / Math.Max(1, written[Publications]):N0} bytes per publication (regions and the nation write nothing; each row is one inspection's standing, at most one write per inspection per second)");

await using (var memory = await StartHostAsync("Memory"))
{
    await ScaleAsync(memory, scale);
}

async Task FreshnessAsync(RunningHost host, int inspections, TimeSpan duration)
{
    var client = host.Client;
    var probeRegion = "Probe region";
    var ids = await OpenAsync(host, "fresh", inspections);
    var probe = $"probe-{Guid.NewGuid():N}";
    await host.Channel.RegisterAsync(probeRegion, probe);
    await client.OpenInspectionAsync(Open(probe, probeRegion));
    var aggregation = new AggregationService.AggregationServiceClient(host.Channel);
    // Every inspection holds its 10 cases before anything is measured, and the nation shows them:
    // from here on the case totals move only with the probe's new cases.
    await Task.WhenAll(ids.Select(id => client.RecordJudgementsAsync(Batch(id, 1, 0, 10)).ResponseAsync));
    var cases = inspections * 10;
    while ((await aggregation.GetNationAsync(new GetNationRequest())).Figures.Rulebooks.Sum(r => r.Cases) < cases)
    {
        await Task.Delay(10);
    }

    using var stop = new CancellationTokenSource();
    // Background load: every other inspection keeps receiving revisions (its case count stays put,
    // so only the probe's new cases move the case totals the watchers look for).
    var load = Task.Run(async () =>
    {
        var revision = 1;
        while (!stop.IsCancellationRequested)
        {
            revision++;
            await Task.WhenAll(ids.Select(id => client.RecordJudgementsAsync(Batch(id, revision, 0, 10)).ResponseAsync));
        }
    });
    var nation = new CaseWatch(aggregation.WatchNation(new WatchNationRequest(), cancellationToken: stop.Token).ResponseStream);
    var region = new CaseWatch(aggregation.WatchRegion(new WatchRegionRequest { Region = probeRegion }, cancellationToken: stop.Token).ResponseStream);
    var (nationLatencies, regionLatencies, getLatencies) = (new List<double>(), new List<double>(), new List<double>());
    var probeCases = 0;
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed < duration)
    {
        // Three changes to the probe in a row, each a new case, each acknowledged before the next.
        var burst = new List<(long Acknowledged, int NationCases, int RegionCases)>();
        for (var i = 0; i < 3; i++)
        {
            await client.RecordJudgementsAsync(Batch(probe, 1, probeCases++, 1));
            burst.Add((Stopwatch.GetTimestamp(), ++cases, probeCases));
        }

        foreach (var (acknowledged, nationCases, regionCases) in burst)
        {
            nationLatencies.Add(await nation.MillisecondsUntilAsync(nationCases, acknowledged));
            regionLatencies.Add(await region.MillisecondsUntilAsync(regionCases, acknowledged));
        }

        await client.RecordJudgementsAsync(Batch(probe, 1, probeCases++, 1));
        var asked = Stopwatch.GetTimestamp();
        cases++;
        while ((await aggregation.GetNationAsync(new GetNationRequest())).Figures.Rulebooks.Sum(r => r.Cases) < cases)
        {
        }

        getLatencies.Add(Stopwatch.GetElapsedTime(asked).TotalMilliseconds);
    }

    await stop.CancelAsync();
    await load.ContinueWith(_ => { }, TaskScheduler.Default);
    Console.WriteLine($"freshness (Azurite, {inspections} inspections under sustained revisions, {duration.TotalSeconds:N0} s, probes in bursts of 3 to one inspection): acknowledgement to visible");
    Console.WriteLine($"  WatchNation  {Summary(nationLatencies)}");
    Console.WriteLine($"  WatchRegion  {Summary(regionLatencies)}");
    Console.WriteLine($"  GetNation    {Summary(getLatencies)}");
    Console.WriteLine("  targets: p50 and p99 <= 1,000 ms; p99 <= 250 ms");
}

async Task ScaleAsync(RunningHost host, int inspections)
{
    var client = host.Client;
    var ids = await OpenAsync(host, "scale", inspections);
    foreach (var chunk in ids.Chunk(200))
    {
        await Task.WhenAll(chunk.Select(id => client.RecordJudgementsAsync(Batch(id, 1, 0, 10)).ResponseAsync));
    }

    var aggregation = new AggregationService.AggregationServiceClient(host.Channel);
    var deadline = DateTime.UtcNow.AddMinutes(2);
    while ((await aggregation.GetNationAsync(new GetNationRequest())).Figures.Rulebooks.Sum(r => r.Inspections) < inspections && DateTime.UtcNow < deadline)
    {
        await Task.Delay(100);
    }

    for (var i = 0; i < 100; i++)
    {
        await aggregation.GetNationAsync(new GetNationRequest()); // warm-up
    }

    var gets = new List<double>();
    for (var i = 0; i < 1_000; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await aggregation.GetNationAsync(new GetNationRequest());
        gets.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    var regional = new List<double>();
    for (var i = 0; i < 1_000; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await aggregation.GetRegionAsync(new GetRegionRequest { Region = Regions[i % Regions.Length] });
        regional.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    // Half the inspections are published; a reader without the unpublished scope reports on those.
    foreach (var chunk in ids.Where((_, n) => n % 2 == 0).Chunk(200))
    {
        await Task.WhenAll(chunk.Select(async id =>
        {
            await client.CloseInspectionAsync(new InspectionActionRequest { InspectionId = id });
            await client.PublishInspectionAsync(new InspectionActionRequest { InspectionId = id });
        }));
    }

    using var publicChannel = TestTokens.Channel(host.Address,
        TestTokens.Mint(new RatingGrid.Security.TokenRequest("public", [RatingGrid.Security.Scopes.Read, RatingGrid.Security.Scopes.National], ["*"], TimeSpan.FromHours(1))),
        new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
    var publicReader = new AggregationService.AggregationServiceClient(publicChannel);
    var publishedCount = inspections - (inspections / 2);
    while ((await publicReader.GetNationAsync(new GetNationRequest())).Figures.Rulebooks.Sum(r => r.Inspections) < publishedCount && DateTime.UtcNow < deadline.AddMinutes(2))
    {
        await Task.Delay(100);
    }

    Console.WriteLine($"reports ({inspections:N0} inspections, {publishedCount:N0} published, of 120 PDUs in {Regions.Length} regions, memory storage), published work only, 1,000 calls each (target p99 10 ms):");
    Console.WriteLine(await ReportLatency.MeasureAsync(publicReader, Regions[0]));
    Console.WriteLine("reports, all work (a token with ratinggrid.unpublished):");
    Console.WriteLine(await ReportLatency.MeasureAsync(aggregation, Regions[0]));

    var current = (await aggregation.GetNationAsync(new GetNationRequest())).Figures.Rulebooks.Single().Current;
    var streaming = Stopwatch.StartNew();
    var streamed = 0;
    using (var call = aggregation.StreamInspectionSummaries(new GetNationRequest()))
    {
        await foreach (var _ in call.ResponseStream.ReadAllAsync())
        {
            streamed++;
        }
    }

    streaming.Stop();
    using var self = Process.GetCurrentProcess();
    Console.WriteLine($"scale ({inspections:N0} inspections of {current.Pdus} PDUs in {Regions.Length} regions, memory storage; figures carry the current picture, each PDU once): " +
        $"GetRegion p50 {Percentile(regional, 50):N2} ms, p99 {Percentile(regional, 99):N2} ms; " +
        $"GetNation p50 {Percentile(gets, 50):N2} ms, p99 {Percentile(gets, 99):N2} ms (target 10 ms); " +
        $"streamed {streamed:N0} summaries in {streaming.Elapsed.TotalMilliseconds:N0} ms (target 1,000 ms); " +
        $"process resident memory {self.WorkingSet64 / (1024.0 * 1024):N0} MiB (target 1,024 MiB; host and client share the process)");
}

async Task<string[]> OpenAsync(RunningHost host, string prefix, int count)
{
    // 120 PDUs in the 12 regions, each inspected several times, a year apart: registered first, as any client must.
    foreach (var (region, r) in Regions.Select((region, r) => (region, r)))
    {
        await host.Channel.RegisterAsync(region, [.. Enumerable.Range(0, 120).Where(p => p % Regions.Length == r).Select(p => $"pdu-{p:D3}")]);
    }

    var client = host.Client;
    var run = Guid.NewGuid().ToString("N")[..6];
    var ids = Enumerable.Range(0, count).Select(i => $"{prefix}-{run}-{i:D5}").ToArray();
    foreach (var chunk in ids.Select((id, n) => (id, n)).Chunk(200))
    {
        await Task.WhenAll(chunk.Select(inspection =>
        {
            var (id, n) = inspection;
            var pdu = n % 120;
            return client.OpenInspectionAsync(Open(id, Regions[pdu % Regions.Length], $"pdu-{pdu:D3}", 2000 + (n / 120 % 25))).ResponseAsync;
        }));
    }

    return ids;
}

OpenInspectionRequest Open(string id, string region, string? pdu = null, int year = 2025) => LoadRequests.Open(rulebook, id, region, pdu, year);

RecordJudgementsRequest Batch(string id, int revision, int firstCase, int cases) => LoadRequests.Batch(rulebook, id, revision, firstCase, cases);

// Latencies below zero (visible before the acknowledgement arrived) count as zero in the
// percentiles and are reported as a share.
static string Summary(List<double> values)
{
    var clamped = values.Select(v => Math.Max(0, v)).ToList();
    var early = values.Count(v => v < 0);
    return $"p50 {Percentile(clamped, 50),7:N1} ms  p99 {Percentile(clamped, 99),7:N1} ms  max {clamped.Max(),7:N1} ms  ({values.Count} changes, {early} visible before their acknowledgement arrived)";
}

static double Percentile(List<double> values, int percentile) => Percentiles.Of(values, percentile);

async Task<RunningHost> StartHostAsync(string storage)
{
    var local = LocalHostSettings.Create(azurite, storage);
    var settings = new Dictionary<string, string?>(local.Values) { ["Limits:RequestsPerSecondPerClient"] = "1000000", ["Limits:RequestBurstPerClient"] = "1000000" };
    var app = RatingGridApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
    await app.StartAsync();
    var address = $"http://127.0.0.1:{local.GrpcPort}";
    var channel = TestTokens.Channel(address, TestTokens.Everything("benchmark"), new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
    return new RunningHost(app, address, channel, new InspectionService.InspectionServiceClient(channel));
}

internal sealed record RunningHost(WebApplication App, string Address, GrpcChannel Channel, InspectionService.InspectionServiceClient Client) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
