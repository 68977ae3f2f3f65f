using System.Globalization;
using Grpc.Health.V1;
using Grpc.Net.Client;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Reads.Benchmarks;
using RatingGrid.Testing;

// What dashboards do to one host, measured from this separate client process against a host
// process on Azurite, in one run:
// 1. unary calls per second, closed loop: grpc.health.v1.Health/Check (the transport's ceiling for
//    a unary call), GetInspection and GetNation, taken in turn round after round so drift touches
//    each alike; each figure is the median of its rounds;
// 2. watch fan-out: 1,000 WatchInspection streams over 20 connections, then over 1; writes to the
//    inspection, and for each the time from sending it until each watcher has it; the host's
//    resident memory per watcher.
//   dotnet run -c Release --project benchmarks/RatingGrid.Reads.Benchmarks [seconds-per-pass [watches]]
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var watches = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
const int Connections = 4, CallsPerConnection = 32, Rounds = 7, Inspections = 120, CasesEach = 30;
var rulebook = RulebookCatalog.BuiltIn.Get(RulebookCatalog.DefaultKey);

await using var azurite = new AzuriteProcess();
await azurite.StartAsync();
using var host = HostProcess.Start(azurite, $"reads-{Guid.NewGuid():N}"[..20]);
await host.WaitUntilReadyAsync(CancellationToken.None);
var writer = host.Client();
var ids = Enumerable.Range(0, Inspections).Select(i => $"reads-{i:D3}").ToArray();
foreach (var (id, i) in ids.Select((id, i) => (id, i)))
{
    await host.Channel.RegisterAsync($"Region {i % 12}", id);
    await writer.OpenInspectionAsync(LoadRequests.Open(rulebook, id, $"Region {i % 12}"));
    await writer.RecordJudgementsAsync(LoadRequests.Batch(rulebook, id, revision: 1, firstCase: 0, cases: CasesEach));
}

var target = ids[0];
Console.WriteLine($"host pid {host.ProcessId} on Azurite; {Inspections} inspections in 12 regions, {CasesEach} cases each; {Environment.ProcessorCount} cores shared by host, client and Azurite");

var channels = Enumerable.Range(0, Connections).Select(_ => Connection.Open(host.Address)).ToArray();
var unary = new (string Name, Func<GrpcChannel, Task> Call)[]
{
    ("grpc.health.v1.Health/Check", channel => new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest()).ResponseAsync),
    ("GetInspection", channel => new InspectionService.InspectionServiceClient(channel).GetInspectionAsync(new GetInspectionRequest { InspectionId = target }).ResponseAsync),
    ("GetNation", channel => new AggregationService.AggregationServiceClient(channel).GetNationAsync(new GetNationRequest()).ResponseAsync),
};
var rates = unary.ToDictionary(u => u.Name, _ => new List<double>());
foreach (var (_, call) in unary)
{
    await ClosedLoop.CallsPerSecondAsync(channels, CallsPerConnection, call, TimeSpan.FromSeconds(seconds)); // warm-up: the JIT must settle
}

// Each round takes the three in a different order, so the machine's drift within a round favours none.
for (var round = 0; round < Rounds; round++)
{
    foreach (var (name, call) in unary.Skip(round % unary.Length).Concat(unary.Take(round % unary.Length)))
    {
        rates[name].Add(await ClosedLoop.CallsPerSecondAsync(channels, CallsPerConnection, call, TimeSpan.FromSeconds(seconds)));
    }
}

var ceiling = rates[unary[0].Name];
Console.WriteLine($"unary reads, {Connections} connections x {CallsPerConnection} calls in flight, {Rounds} rounds of {seconds:N0} s; each share is the median of the rounds' own ratios:");
foreach (var (name, _) in unary)
{
    var shares = rates[name].Zip(ceiling, (rate, health) => rate / health).ToList();
    Console.WriteLine($"  {name,-28} {Median(rates[name]),9:N0} calls/s  {Median(shares),5:N2} of Health/Check  (rounds {string.Join(", ", rates[name].Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))})");
}

Console.WriteLine("  targets: GetInspection >= 0.70 of Health/Check, GetNation >= 0.60");
foreach (var channel in channels)
{
    channel.Dispose();
}

foreach (var connections in new[] { 20, 1 })
{
    var fanOut = await FanOut.RunAsync(host, () => Connection.Open(host.Address), writer, rulebook, target, watches, connections, updates: 20);
    Console.WriteLine($"watch fan-out, {watches:N0} WatchInspection streams over {connections} connection(s), {fanOut.Updates} writes: send to seen by each watcher p50 {fanOut.P50:N1} ms, p99 {fanOut.P99:N1} ms, max {fanOut.Max:N1} ms (target p99 250 ms); " +
        $"host resident memory {fanOut.RssBeforeMiB:N0} -> {fanOut.RssAfterMiB:N0} MiB, {fanOut.BytesPerWatcher / 1024:N1} KiB per watcher");
}

static double Median(List<double> values) => Percentiles.Of(values, 50);
