using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Storage;
using RatingGrid.Host.Hosting;
using RatingGrid.Testing;

// What storing a judgement costs as an inspection's history grows, through the public rpcs on
// Azurite. A fresh inspection and one already holding 5,000 cases x 20 revisions take the same
// judgements (5,000 per pass, batches of 250, over one StreamJudgements call), pass after pass,
// side by side; the bytes each stored are read off storage (journal segments and snapshots are
// never rewritten, so what they grow by is what was written). Then the large one is made to
// activate again and again (its activations forced from inside the host), and the first
// GetInspection after each is timed from the client.
//   dotnet run -c Release --project benchmarks/RatingGrid.Journal.Benchmarks [rounds [activations]]
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var activations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
const int Cases = 5_000;
const int History = 20;
const int BatchSize = 250;
const int CommitOverhead = 17; // a frame header (5 bytes) and a record header (format, version, time, event count: about 12)
var rulebook = RulebookCatalog.BuiltIn.Get(RulebookCatalog.DefaultKey);

await using var azurite = new AzuriteProcess();
await azurite.StartAsync();
var local = LocalHostSettings.Create(azurite);
var settings = new Dictionary<string, string?>(local.Values) { ["Limits:RequestsPerSecondPerClient"] = "1000000", ["Limits:RequestBurstPerClient"] = "1000000" };
await using var app = RatingGridApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
await app.StartAsync();
using var channel = TestTokens.Channel($"http://127.0.0.1:{local.GrpcPort}", TestTokens.Everything("benchmark"), new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
var client = new InspectionService.InspectionServiceClient(channel);
var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(local.Values["Storage:Container"]);

await channel.RegisterAsync("Bench", "pdu-1");
var large = $"large-{Guid.NewGuid():N}";
await client.OpenInspectionAsync(Open(large));
var loading = Stopwatch.StartNew();
for (var revision = 1; revision <= History; revision++)
{
    await StreamAsync(large, revision);
}

Console.WriteLine($"large inspection: {Cases:N0} cases x {History} revisions loaded in {loading.Elapsed.TotalSeconds:N1} s, stored in {await StoredBytesAsync(large):N0} bytes");
await StreamAsync($"warm-{Guid.NewGuid():N}", 1, open: true); // the JIT settles before anything is measured

var (freshBytes, largeBytes, freshRates, largeRates, shares) = (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
for (var round = 0; round < rounds; round++)
{
    var fresh = $"fresh-{Guid.NewGuid():N}";
    var (freshRate, freshPerJudgement) = await MeasureAsync(fresh, 1, open: true);
    var (largeRate, largePerJudgement) = await MeasureAsync(large, History + 1 + round, open: false);
    freshBytes.Add(freshPerJudgement);
    largeBytes.Add(largePerJudgement);
    freshRates.Add(freshRate);
    largeRates.Add(largeRate);
    shares.Add(largeRate / freshRate);
    Console.WriteLine($"round {round + 1}: fresh {freshRate,8:N0} judgements/s {freshPerJudgement,6:N1} B/judgement | large {largeRate,8:N0} judgements/s {largePerJudgement,6:N1} B/judgement");
}

var encoded = await EncodedJudgementBytesAsync();
Console.WriteLine($"bytes written per judgement (median): fresh {Median(freshBytes):N1}, large {Median(largeBytes):N1}: large / fresh = {Median(largeBytes) / Median(freshBytes):N2} (target <= 1.5)");
Console.WriteLine($"  a judgement's encoded size in a journal record is {encoded:N1} bytes; each commit adds a fixed {CommitOverhead} bytes (frame header 5, record header about 12) plus one append request;");
Console.WriteLine($"  large: {Median(largeBytes):N1} <= 2 x {encoded:N1} + {CommitOverhead} / {BatchSize} = {(2 * encoded) + (CommitOverhead / (double)BatchSize):N1} (target): {(Median(largeBytes) <= (2 * encoded) + (CommitOverhead / (double)BatchSize) ? "met" : "NOT met")}");
Console.WriteLine($"durable ingest (median): fresh {Median(freshRates):N0} judgements/s, large {Median(largeRates):N0}: large / fresh = {Median(shares):N2} (target >= 0.67; rounds: {string.Join(" ", shares.Select(s => s.ToString("N2", CultureInfo.InvariantCulture)))})");

var grains = app.Services.GetRequiredService<IGrainFactory>();
var management = grains.GetGrain<IManagementGrain>(0);
var activationTimes = new List<double>();
for (var i = 0; i < activations; i++)
{
    await management.ForceActivationCollection(TimeSpan.Zero);
    var started = Stopwatch.GetTimestamp();
    await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = large });
    activationTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}

Console.WriteLine($"activation of the large inspection ({await StoredBytesAsync(large):N0} bytes stored), first GetInspection after a forced deactivation: p50 {Percentile(activationTimes, 50):N1} ms, p99 {Percentile(activationTimes, 99):N1} ms ({activations} activations)");
await app.StopAsync();

async Task<(double Rate, double BytesPerJudgement)> MeasureAsync(string id, int revision, bool open)
{
    if (open)
    {
        await client.OpenInspectionAsync(Open(id));
    }

    var before = await StoredBytesAsync(id);
    var started = Stopwatch.GetTimestamp();
    await StreamAsync(id, revision);
    var elapsed = Stopwatch.GetElapsedTime(started);
    return (Cases / elapsed.TotalSeconds, (await StoredBytesAsync(id) - before) / (double)Cases);
}

async Task StreamAsync(string id, int revision, bool open = false)
{
    if (open)
    {
        await client.OpenInspectionAsync(Open(id));
    }

    using var call = client.StreamJudgements();
    var writer = Task.Run(async () =>
    {
        ulong batchId = 0;
        foreach (var chunk in Enumerable.Range(0, Cases).Chunk(BatchSize))
        {
            var batch = new JudgementBatch { BatchId = ++batchId, InspectionId = id, Actor = "bench" };
            batch.Judgements.AddRange(chunk.Select(c => Judgement(c, revision)));
            await call.RequestStream.WriteAsync(batch);
        }

        await call.RequestStream.CompleteAsync();
    });
    await foreach (var _ in call.ResponseStream.ReadAllAsync())
    {
    }

    await writer;
}

// What journals hold for an inspection: every segment and snapshot, none ever rewritten.
async Task<long> StoredBytesAsync(string id)
{
    long bytes = 0;
    await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, StorageKeys.Encode(id) + "/", CancellationToken.None))
    {
        bytes += blob.Properties.ContentLength ?? 0;
    }

    return bytes;
}

// One more pass on a fresh inspection, one judgement per batch, so that each record holds exactly
// one: (its bytes - the per-commit overhead) is one judgement's encoded size.
async Task<double> EncodedJudgementBytesAsync()
{
    var id = $"single-{Guid.NewGuid():N}";
    await client.OpenInspectionAsync(Open(id));
    var before = await StoredBytesAsync(id);
    const int Samples = 50;
    for (var c = 0; c < Samples; c++)
    {
        var request = new RecordJudgementsRequest { InspectionId = id, Actor = "bench" };
        request.Judgements.Add(Judgement(c, 1));
        await client.RecordJudgementsAsync(request);
    }

    return ((await StoredBytesAsync(id) - before) / (double)Samples) - CommitOverhead;
}

Judgement Judgement(int c, int revision)
{
    var judgement = new Judgement { CaseId = $"case-{c:D5}", Revision = revision, CaseType = revision % 3 == 0 ? "licence" : "community" };
    judgement.Traits.Add(new Trait { Name = "gender", Value = (c + revision) % 2 == 0 ? "female" : "male" });
    judgement.Answers.AddRange(rulebook.KeyQuestions.Select((kq, i) => new KeyQuestionAnswer { KeyQuestionId = kq.Id, Answer = (Answer)(1 + ((i + c + revision) % 3)) }));
    return judgement;
}

OpenInspectionRequest Open(string id) => new()
{
    InspectionId = id, PduId = "pdu-1", PduName = "Bench PDU", Region = "Bench",
    Rulebook = new RulebookRef { Id = rulebook.Id, Version = rulebook.Version },
    FieldworkStart = new Date { Year = 2025, Month = 6, Day = 1 }, FieldworkEnd = new Date { Year = 2025, Month = 6, Day = 30 }, Actor = "bench",
};

static double Median(List<double> values) => Percentile(values, 50);

static double Percentile(List<double> values, int percentile) => Percentiles.Of(values, percentile);
