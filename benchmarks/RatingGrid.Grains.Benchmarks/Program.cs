using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Testing;
using RatingGrid.Domain.Scoring;

// End-to-end load through the grains, acknowledged only once written: 100 inspections x 50 cases x
// 10 revisions, every judgement a full 12-answer case, all inspections and cases concurrently.
// Two shapes: one judgement per call (each case a separate writer), and batches of 10 cases per call
// (a service streaming updates). Memory storage and Azurite are measured in the same run, so their
// ratio is meaningful on a noisy machine.
//   dotnet run -c Release --project benchmarks/RatingGrid.Grains.Benchmarks [inspections cases revisions]
//   RATINGGRID_BENCH_PROVIDERS=AzureBlob limits the providers.
var inspections = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var cases = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var revisions = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
var total = inspections * cases * revisions;
var rulebook = RulebookCatalog.BuiltIn.Get(RulebookCatalog.DefaultKey);
var providers = Environment.GetEnvironmentVariable("RATINGGRID_BENCH_PROVIDERS")?.Split(',') ?? ["Memory", "AzureBlob"];

await using var azurite = new AzuriteProcess();
await azurite.StartAsync();
Console.WriteLine($"load: {inspections} inspections x {cases} cases x {revisions} revisions = {total:N0} judgements; {Environment.ProcessorCount} cores");
Console.WriteLine($"{"shape",-22} {"storage",-10} {"judgements/s",12} {"writes",7} {"per write",9} {"seconds",7}  cpu silo / azurite");

foreach (var perCall in new[] { 1, 10 })
{
    var rates = new Dictionary<string, double>();
    foreach (var provider in providers)
    {
        var observer = new StorageObserver();
        await using var cluster = await TestClusters.StartAsync(azurite, $"bench-{Guid.NewGuid():N}", observer, inMemory: provider == "Memory");
        // Call from inside the silo process, as the co-hosted gRPC services do.
        var grains = cluster.GetSiloServiceProvider().GetRequiredService<IGrainFactory>();

        // A full unmeasured pass first: the JIT's tiering (and its PGO instrumentation) must settle,
        // or a run of a few seconds measures the compiler rather than the service.
        await RunAsync(grains, $"warm-{perCall}", inspections, cases, revisions, perCall);
        var writesBefore = observer.Writes;
        var (ownCpu, azuriteCpu) = (Process.GetCurrentProcess().TotalProcessorTime, azurite.ProcessorTime);
        var elapsed = await RunAsync(grains, $"run-{perCall}", inspections, cases, revisions, perCall);
        ownCpu = Process.GetCurrentProcess().TotalProcessorTime - ownCpu;
        azuriteCpu = azurite.ProcessorTime - azuriteCpu;
        var writes = observer.Writes - writesBefore;
        rates[provider] = total / elapsed.TotalSeconds;
        Console.WriteLine($"{$"{perCall} judgement(s)/call",-22} {provider,-10} {rates[provider],12:N0} {writes,7:N0} {total / (double)writes,9:N1} {elapsed.TotalSeconds,7:N2}  {ownCpu.TotalSeconds:N1} s / {azuriteCpu.TotalSeconds:N1} s");
    }

    if (rates.TryGetValue("Memory", out var memory) && rates.TryGetValue("AzureBlob", out var durable))
    {
        Console.WriteLine($"{"",-22} durable / memory = {durable / memory:P0} (durable target >= 20,000 judgements/s)");
    }
}

async Task<TimeSpan> RunAsync(IGrainFactory factory, string label, int inspections, int cases, int revisions, int perCall)
{
    var grains = Enumerable.Range(0, inspections).Select(i => factory.GetGrain<IInspectionGrain>($"{label}-{i}")).ToList();
    await Task.WhenAll(grains.Select(g => g.OpenAsync(
        new InspectionDetails("pdu", "Bench PDU", "Bench region", rulebook.Id, rulebook.Version, new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30)), "bench")));
    var watch = Stopwatch.StartNew();
    // Each writer owns perCall cases and sends their revisions in order, one call per revision round.
    await Task.WhenAll(grains.SelectMany(grain => Enumerable.Range(0, cases / perCall).Select(w => Task.Run(async () =>
    {
        for (var r = 1; r <= revisions; r++)
        {
            var judgements = Enumerable.Range(w * perCall, perCall).Select(c => Judgement($"case-{c}", r)).ToArray();
            await grain.RecordJudgementsAsync(new JudgementBatchInput("bench", judgements));
        }
    }))));
    return watch.Elapsed;
}

CaseJudgement Judgement(string caseId, long revision) => new(
    caseId,
    revision,
    revision % 3 == 0 ? "licence" : "community",
    [new CaseTrait("gender", revision % 2 == 0 ? "female" : "male"), new CaseTrait("grade", "probation officer")],
    [.. rulebook.KeyQuestions.Select((kq, i) => new KeyQuestionAnswer(kq.Id, (Answer)(1 + ((i + revision) % 3))))]);
