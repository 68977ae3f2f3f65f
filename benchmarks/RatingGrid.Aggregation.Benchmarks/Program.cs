using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Host.Hosting;
using RatingGrid.Testing;

// Regional and national aggregation, end to end through the host (gRPC over loopback):
// 1. freshness: acknowledgement to national visibility, p50 and p99, while other inspections load
//    the service, on Azurite;
// 2. scale: 10,000 inspections (memory storage: the read path does not touch storage), national
//    GetNation p50/p99, streaming every summary, and the process's memory.
//   dotnet run -c Release --project benchmarks/RatingGrid.Aggregation.Benchmarks [inspections]
var scale = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var rulebook = RulebookCatalog.BuiltIn.Get(RulebookCatalog.DefaultKey);

await using var azurite = new AzuriteProcess();
await azurite.StartAsync();

await using (var durable = await StartHostAsync("AzureBlob"))
{
    await FreshnessAsync(durable, inspections: 200, probes: 200);
}

await using (var memory = await StartHostAsync("Memory"))
{
    await ScaleAsync(memory, scale);
}

async Task FreshnessAsync(RunningHost host, int inspections, int probes)
{
    var client = host.Client;
    var nation = host.App.Services.GetRequiredService<IGrainFactory>().GetAggregate(AggregateKey.Nation);
    var ids = await OpenAsync(client, "fresh", inspections);
    using var stop = new CancellationTokenSource();
    // Background load: every other inspection keeps receiving revisions while the probe is timed.
    var load = Task.Run(async () =>
    {
        var revision = 0;
        while (!stop.IsCancellationRequested)
        {
            revision++;
            await Task.WhenAll(ids.Skip(1).Select(id => client.RecordJudgementsAsync(Batch(id, revision, 10)).ResponseAsync));
        }
    });
    var latencies = new List<double>();
    for (var p = 1; p <= probes; p++)
    {
        var ack = await client.RecordJudgementsAsync(Batch(ids[0], p, 3));
        var acknowledged = Stopwatch.GetTimestamp();
        while ((await nation.GetStandingAsync(ids[0]))?.Version < ack.Version)
        {
            await Task.Delay(1);
        }

        latencies.Add(Stopwatch.GetElapsedTime(acknowledged).TotalMilliseconds);
    }

    await stop.CancelAsync();
    await load;
    Console.WriteLine($"freshness (Azurite, {inspections} inspections under load, {probes} probes): acknowledgement to national visibility p50 {Percentile(latencies, 50):N1} ms, p99 {Percentile(latencies, 99):N1} ms (bound 1,000 ms)");
}

async Task ScaleAsync(RunningHost host, int inspections)
{
    var client = host.Client;
    var ids = await OpenAsync(client, "scale", inspections);
    foreach (var chunk in ids.Chunk(200))
    {
        await Task.WhenAll(chunk.Select(id => client.RecordJudgementsAsync(Batch(id, 1, 10)).ResponseAsync));
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
    Console.WriteLine($"scale ({inspections:N0} inspections, memory storage): GetNation p50 {Percentile(gets, 50):N2} ms, p99 {Percentile(gets, 99):N2} ms (target 10 ms); " +
        $"streamed {streamed:N0} summaries in {streaming.Elapsed.TotalMilliseconds:N0} ms (target 1,000 ms); " +
        $"process resident memory {self.WorkingSet64 / (1024.0 * 1024):N0} MiB (target 1,024 MiB; host and client share the process)");
}

async Task<string[]> OpenAsync(InspectionService.InspectionServiceClient client, string prefix, int count)
{
    var run = Guid.NewGuid().ToString("N")[..6];
    var ids = Enumerable.Range(0, count).Select(i => $"{prefix}-{run}-{i:D5}").ToArray();
    foreach (var chunk in ids.Chunk(200))
    {
        await Task.WhenAll(chunk.Select((id, i) => client.OpenInspectionAsync(new OpenInspectionRequest
        {
            InspectionId = id, PduId = id, PduName = $"PDU {id}", Region = $"region-{id.GetHashCode() & 11}",
            Rulebook = new RulebookRef { Id = rulebook.Id, Version = rulebook.Version },
            FieldworkStart = new Date { Year = 2025, Month = 6, Day = 1 }, FieldworkEnd = new Date { Year = 2025, Month = 6, Day = 30 }, Actor = "bench",
        }).ResponseAsync));
    }

    return ids;
}

RecordJudgementsRequest Batch(string id, int revision, int cases)
{
    var request = new RecordJudgementsRequest { InspectionId = id, Actor = "bench" };
    for (var c = 0; c < cases; c++)
    {
        var judgement = new Judgement { CaseId = $"case-{c}", Revision = revision, CaseType = "community" };
        judgement.Answers.AddRange(rulebook.KeyQuestions.Select((kq, i) => new KeyQuestionAnswer { KeyQuestionId = kq.Id, Answer = (Answer)(1 + ((i + c + revision) % 3)) }));
        request.Judgements.Add(judgement);
    }

    return request;
}

static double Percentile(List<double> values, int percentile)
{
    var sorted = values.Order().ToArray();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

async Task<RunningHost> StartHostAsync(string storage)
{
    var local = LocalHostSettings.Create(azurite, storage);
    var port = local.GrpcPort;
    var app = RatingGridApp.Build([], builder => builder.Configuration.AddInMemoryCollection(local.Values));
    await app.StartAsync();
    var channel = TestTokens.Channel($"http://127.0.0.1:{port}", TestTokens.Everything("benchmark"), new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
    return new RunningHost(app, channel, new InspectionService.InspectionServiceClient(channel));
}

internal sealed record RunningHost(WebApplication App, GrpcChannel Channel, InspectionService.InspectionServiceClient Client) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
