using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Grpc.Net.Client;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Host.Hosting;
using RatingGrid.Host.Benchmarks;
using RatingGrid.Testing;

// Judgements per second through StreamJudgements over loopback, in one run, against: a bare
// do-nothing stream server carrying the same messages (the transport's ceiling), the host on memory
// storage, and the host on Azurite. Every judgement is a full 12-answer case.
//   dotnet run -c Release --project benchmarks/RatingGrid.Host.Benchmarks [inspections cases revisions streams batch]
var inspections = Arg(0, 400); // passes of about a second: shorter ones are mostly noise on a 2-core box
var cases = Arg(1, 50);
var revisions = Arg(2, 10);
var streams = Arg(3, 8);
var batchSize = Arg(4, 50);
var total = inspections * cases * revisions;
var rulebook = RulebookCatalog.BuiltIn.Get(RulebookCatalog.DefaultKey);

await using var azurite = new AzuriteProcess();
await azurite.StartAsync();
Console.WriteLine($"load: {inspections} inspections x {cases} cases x {revisions} revisions = {total:N0} judgements, {streams} streams, {batchSize} judgements per batch; {Environment.ProcessorCount} cores");
var rows = new List<(string Target, double PerSecond)>();
const string Writes = "ratinggrid.storage.writes", WriteLatency = "ratinggrid.storage.write_latency", StandingRequests = "ratinggrid.standings.requests";
using var meters = new GrainMeterSums(Writes, WriteLatency, StandingRequests);

// All three servers run side by side and are measured in turn, round after round, so that the
// machine's drift over the run touches each of them alike; each figure is the median of its rounds.
const int Rounds = 7;
var barePort = LocalHostSettings.FreePort();
await using var bare = await BareStreamServer.StartAsync(barePort);
var targets = new List<(string Name, int Port, bool Open, string? Storage)> { ("bare stream server", barePort, false, null) };
var hosts = new List<WebApplication>();
foreach (var storage in Environment.GetEnvironmentVariable("RATINGGRID_BENCH_PROVIDERS")?.Split(',') ?? ["Memory", "AzureBlob"])
{
    var local = LocalHostSettings.Create(azurite, storage);
    var port = local.GrpcPort;
    var app = RatingGridApp.Build([], builder => builder.Configuration.AddInMemoryCollection(local.Values));
    await app.StartAsync();
    hosts.Add(app);
    targets.Add(($"host, {storage} storage", port, true, storage));
}

// What each timed pass cost besides its time (the first of each target's is its warm-up).
var costs = targets.ToDictionary(t => t.Port, _ => new List<PassCost>());
foreach (var target in targets)
{
    await MeasureAsync(target.Port, target.Open); // warm-up pass: the JIT must settle
}

var passes = targets.ToDictionary(t => t.Name, _ => new List<double>());
// RATINGGRID_BENCH_ALLOCATIONS=1: also sample what the hosts' passes allocate, by type (client included).
using var tally = Environment.GetEnvironmentVariable("RATINGGRID_BENCH_ALLOCATIONS") == "1" ? new AllocationTally() : null;
for (var round = 0; round < Rounds; round++)
{
    foreach (var target in targets)
    {
        // Each pass starts from a clean heap, so one target's garbage is not collected on another's time.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        tally?.Enable(target.Open);
        passes[target.Name].Add(await MeasureAsync(target.Port, target.Open));
        tally?.Enable(false);
    }
}

tally?.Print();
foreach (var target in targets)
{
    rows.Add((target.Name, passes[target.Name].Order().ElementAt(Rounds / 2)));
}

foreach (var app in hosts)
{
    await app.StopAsync();
    await app.DisposeAsync();
}

// The share of bare is the median of each round's own ratio: a target and the bare server measured
// seconds apart share the machine's state, so the ratio drifts less than either figure.
var bareName = targets[0].Name;
foreach (var (target, perSecond) in rows)
{
    var shares = passes[target].Zip(passes[bareName], (mine, ceiling) => mine / ceiling).ToList();
    var share = shares.Order().ElementAt(Rounds / 2);
    Console.WriteLine($"{target,-26} {perSecond,12:N0} judgements/s  {share,6:P0} of bare  (rounds: {string.Join(" ", shares.Select(r => r.ToString("P0", CultureInfo.InvariantCulture)))})");
}

// Where the machine went while each target was timed (medians over the rounds; 2 cores = 2.00),
// and what the hosts wrote meanwhile (totals over the rounds).
foreach (var target in targets)
{
    var timed = costs[target.Port].Skip(1).ToList();
    double Median(Func<PassCost, double> of) => timed.Select(of).Order().ElementAt(timed.Count / 2);
    Console.WriteLine($"{target.Name,-26} cores busy while timed: Azurite {Median(c => c.AzuriteCores):N2}, this process (client and hosts) {Median(c => c.OwnCores):N2}; paused for GC {Median(c => c.PausedShare):P0} of the time");
    if (target.Open)
    {
        var count = timed.Sum(c => c.Writes);
        Console.WriteLine($"{target.Name,-26} writes while timed: {count / timed.Count / inspections:N2} per inspection ({revisions * cases / batchSize} batches each), {timed.Sum(c => c.WriteMilliseconds) / Math.Max(1, count):N1} ms each on average; standings requests {timed.Sum(c => c.StandingRequests) / timed.Count / inspections:N2} per inspection");
    }
}

Console.WriteLine("targets (issue 15): host on memory >= 60% of bare; host on Azurite >= 40% of bare");

async Task<double> MeasureAsync(int port, bool open)
{
    using var channel = TestTokens.Channel($"http://127.0.0.1:{port}", TestTokens.Everything("benchmark"), new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024 });
    var client = new InspectionService.InspectionServiceClient(channel);
    var run = Guid.NewGuid().ToString("N")[..8];
    string Id(int i) => $"bench-{run}-{i}";
    if (open)
    {
        // Fifty at a time, as a well-behaved feed opens a national batch.
        await channel.RegisterAsync("Bench", [.. Enumerable.Range(0, inspections).Select(i => $"pdu-{i}")]);
        var opening = Stopwatch.StartNew();
        foreach (var chunk in Enumerable.Range(0, inspections).Chunk(50))
        {
            await Task.WhenAll(chunk.Select(i => client.OpenInspectionAsync(new OpenInspectionRequest
            {
                InspectionId = Id(i), PduId = $"pdu-{i}", PduName = "Bench", Region = "Bench",
                Rulebook = new RulebookRef { Id = rulebook.Id, Version = rulebook.Version },
                FieldworkStart = new Date { Year = 2025, Month = 6, Day = 1 }, FieldworkEnd = new Date { Year = 2025, Month = 6, Day = 30 }, Actor = "bench",
            }).ResponseAsync));
        }

        Console.Error.WriteLine($"opened {inspections} inspections in {opening.ElapsedMilliseconds:N0} ms");
    }

    // Each stream is the feed of a share of the inspections: it sends one inspection's revisions
    // batch after batch, then the next inspection's, as a service streaming an inspection's updates does.
    var batches = Enumerable.Range(0, streams).Select(s =>
        (from i in Enumerable.Range(0, inspections).Where(i => i % streams == s)
         from r in Enumerable.Range(1, revisions)
         from chunk in Enumerable.Range(0, cases).Chunk(batchSize)
         select (Inspection: Id(i), Revision: r, Cases: chunk)).ToList()).ToList();
    var before = Snapshot();
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(batches.Select(async mine =>
    {
        using var call = client.StreamJudgements();
        var writer = Task.Run(async () =>
        {
            ulong id = 0;
            foreach (var (inspection, revision, chunk) in mine)
            {
                var batch = new JudgementBatch { BatchId = ++id, InspectionId = inspection, Actor = "bench" };
                batch.Judgements.AddRange(chunk.Select(c => Judgement($"case-{c}", revision)));
                await call.RequestStream.WriteAsync(batch);
            }

            await call.RequestStream.CompleteAsync();
        });
        var acknowledged = 0;
        await foreach (var ack in call.ResponseStream.ReadAllAsync())
        {
            acknowledged += ack.Outcomes.Count;
        }

        await writer;
        if (acknowledged != mine.Sum(b => b.Cases.Length))
        {
            throw new InvalidOperationException($"{acknowledged} judgements acknowledged of {mine.Sum(b => b.Cases.Length)} sent.");
        }
    }));
    var elapsed = watch.Elapsed;
    var after = Snapshot();
    costs[port].Add(new PassCost(
        (after.Azurite - before.Azurite) / elapsed, (after.Own - before.Own) / elapsed, (after.Paused - before.Paused) / elapsed,
        after.Writes - before.Writes, after.WriteMilliseconds - before.WriteMilliseconds, after.StandingRequests - before.StandingRequests));
    return total / elapsed.TotalSeconds;
}

(TimeSpan Azurite, TimeSpan Own, TimeSpan Paused, double Writes, double WriteMilliseconds, double StandingRequests) Snapshot() =>
    (azurite.ProcessorTime, Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalPauseDuration(), meters[Writes], meters[WriteLatency], meters[StandingRequests]);

Judgement Judgement(string caseId, int revision)
{
    var judgement = new Judgement { CaseId = caseId, Revision = revision, CaseType = revision % 3 == 0 ? "licence" : "community" };
    judgement.Traits.Add(new Trait { Name = "gender", Value = revision % 2 == 0 ? "female" : "male" });
    judgement.Answers.AddRange(rulebook.KeyQuestions.Select((kq, i) => new KeyQuestionAnswer { KeyQuestionId = kq.Id, Answer = (Answer)(1 + ((i + revision) % 3)) }));
    return judgement;
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
