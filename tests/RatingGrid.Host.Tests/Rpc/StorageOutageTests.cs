using System.Diagnostics;
using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Configuration;
using RatingGrid.Contracts.V1;
using RatingGrid.Host.Hosting;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>
/// The storage service goes away under a running host (a real Azurite, killed) and comes back: changes
/// fail retryably within the storage budget, loaded inspections keep answering reads, an inspection
/// that cannot be loaded answers UNAVAILABLE (never INTERNAL), the storage health check turns and
/// recovers, resends are acknowledged, and nothing acknowledged is lost.
/// </summary>
// Alone: it stops and starts a storage service of its own, and its waits must not share the cores.
[Collection(nameof(RunsAlone))]
public sealed class StorageOutageTests : IDisposable
{
    private const int BudgetSeconds = 2;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly string _data = Directory.CreateTempSubdirectory("ratinggrid-outage-").FullName;

    [Fact]
    public async Task Writes_fail_retryably_in_time_reads_go_on_health_turns_and_nothing_acknowledged_is_lost()
    {
        await using var azurite = new AzuriteProcess(_data);
        await azurite.StartAsync();
        var local = LocalHostSettings.Create(azurite);
        var settings = new Dictionary<string, string?>(local.Values) { ["Storage:OperationTimeoutSeconds"] = BudgetSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        using var http = new HttpClient();
        var storageHealth = new Uri($"http://127.0.0.1:{local.HealthPort}/health/storage");
        var ready = new Uri($"http://127.0.0.1:{local.HealthPort}/health/ready");
        var (written, idle) = (Requests.NewId("written"), Requests.NewId("idle"));
        var acknowledged = new List<Judgement>();
        Judgement late = Requests.Judgement("late", 1);
        await using (var app = RatingGridApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings)))
        {
            await app.StartAsync(Cancel);
            using var channel = TestTokens.Channel($"http://127.0.0.1:{local.GrpcPort}", TestTokens.Everything());
            var client = new InspectionService.InspectionServiceClient(channel);
            foreach (var id in new[] { written, idle })
            {
                await client.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
                var judgement = Requests.Judgement($"{id}-c1", 1);
                await client.RecordJudgementsAsync(Requests.Record(id, judgement), cancellationToken: Cancel);
                acknowledged.Add(judgement);
            }

            var idleBefore = await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = idle }, cancellationToken: Cancel);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(storageHealth, Cancel)).StatusCode);

            await azurite.StopAsync();

            var clock = Stopwatch.StartNew();
            var refused = await Assert.ThrowsAsync<RpcException>(() => client.RecordJudgementsAsync(Requests.Record(written, late), cancellationToken: Cancel).ResponseAsync);
            Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(BudgetSeconds + 3), $"the write failed after {clock.Elapsed}, past the {BudgetSeconds} s budget");
            Assert.Contains("retry", refused.Status.Detail, StringComparison.OrdinalIgnoreCase);

            // The inspection whose write failed must reload, and cannot: UNAVAILABLE, never INTERNAL.
            var reload = await Eventually.Until(async () => await StatusOf(() => client.GetInspectionAsync(new GetInspectionRequest { InspectionId = written }, cancellationToken: Cancel).ResponseAsync),
                status => status == StatusCode.Unavailable, Cancel, seconds: 20);
            Assert.Equal(StatusCode.Unavailable, reload);
            Assert.Equal(StatusCode.Unavailable, await StatusOf(() => client.GetInspectionAsync(new GetInspectionRequest { InspectionId = Requests.NewId("never-loaded") }, cancellationToken: Cancel).ResponseAsync));

            // A loaded inspection answers from memory.
            var idleDuring = await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = idle }, cancellationToken: Cancel);
            Assert.Equal(idleBefore.Version, idleDuring.Version);

            var failing = await Eventually.Until(() => http.GetAsync(storageHealth, Cancel), r => r.StatusCode == HttpStatusCode.ServiceUnavailable, Cancel, seconds: 15);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failing.StatusCode);
            var grpcStorage = await new global::Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = "ratinggrid.storage" }, cancellationToken: Cancel);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, grpcStorage.Status);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(ready, Cancel)).StatusCode); // readiness does not follow storage

            await azurite.StartAsync();

            var recovered = await Eventually.Until(() => http.GetAsync(storageHealth, Cancel), r => r.StatusCode == HttpStatusCode.OK, Cancel, seconds: 15);
            Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
            var resent = await Eventually.Read(() => client.RecordJudgementsAsync(Requests.Record(written, late), cancellationToken: Cancel).ResponseAsync, Cancel, seconds: 20);
            Assert.Equal(ChangeOutcome.Applied, Assert.Single(resent.Outcomes));
            acknowledged.Add(late);
            await app.StopAsync(Cancel);
        }

        // Everything acknowledged is there for a host that has never seen it.
        var fresh = LocalHostSettings.Create(azurite);
        var again = new Dictionary<string, string?>(fresh.Values) { ["Silo:ServiceId"] = local.Values["Silo:ServiceId"], ["Storage:Container"] = local.Values["Storage:Container"] };
        await using var restarted = RatingGridApp.Build([], builder => builder.Configuration.AddInMemoryCollection(again));
        await restarted.StartAsync(Cancel);
        using var second = TestTokens.Channel($"http://127.0.0.1:{fresh.GrpcPort}", TestTokens.Everything());
        var reader = new InspectionService.InspectionServiceClient(second);
        var writtenAfter = await reader.GetInspectionAsync(new GetInspectionRequest { InspectionId = written }, cancellationToken: Cancel);
        var idleAfter = await reader.GetInspectionAsync(new GetInspectionRequest { InspectionId = idle }, cancellationToken: Cancel);
        Requests.AssertSame(Requests.FromScratch(acknowledged.Where(j => j.CaseId.StartsWith(written, StringComparison.Ordinal) || j == late)), writtenAfter.Results);
        Requests.AssertSame(Requests.FromScratch(acknowledged.Where(j => j.CaseId.StartsWith(idle, StringComparison.Ordinal))), idleAfter.Results);
        await restarted.StopAsync(Cancel);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }
}
