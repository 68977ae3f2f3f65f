using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>A host with small per-caller limits, so that one test client can exceed them on loopback.</summary>
public sealed class LimitedHostFixture(Azurite azurite) : HostFixture(azurite)
{
    public const int Rate = 20;
    public const int Burst = 20;
    public const int Streams = 2;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Limits:RequestsPerSecondPerClient"] = Rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Limits:RequestBurstPerClient"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Limits:MaxConcurrentStreamsPerClient"] = Streams.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Bounded floods on loopback: a caller over its limits is throttled with RESOURCE_EXHAUSTED, and
/// nobody else notices.
/// </summary>
public sealed class FloodTests(LimitedHostFixture host) : IClassFixture<LimitedHostFixture>
{
    private const int FloodCalls = 300;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_calling_too_fast_is_throttled_while_another_clients_calls_all_succeed()
    {
        var id = await OpenAsync("flood");
        using var flooder = TestTokens.Channel(host.Address, TestTokens.Everything("flooder"));
        using var bystander = TestTokens.Channel(host.Address, TestTokens.Everything("bystander"));
        var flooding = new InspectionService.InspectionServiceClient(flooder);
        var calm = new InspectionService.InspectionServiceClient(bystander);
        var started = DateTime.UtcNow;

        var flood = Enumerable.Range(0, FloodCalls)
            .Select(_ => OutcomeAsync(flooding.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel)))
            .ToList();
        // Fewer calls than its own burst, made while the flood is under way.
        var calmCalls = new List<Task<(StatusCode, string, Metadata)>>();
        for (var i = 0; i < LimitedHostFixture.Burst / 2; i++)
        {
            calmCalls.Add(OutcomeAsync(calm.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement($"calm-{i}", 1)), cancellationToken: Cancel)));
        }

        var flooded = await Task.WhenAll(flood);
        var elapsed = DateTime.UtcNow - started;
        var calmed = await Task.WhenAll(calmCalls);

        Assert.All(calmed, c => Assert.Equal(StatusCode.OK, c.Item1));
        Assert.All(flooded, f => Assert.True(f.Item1 is StatusCode.OK or StatusCode.ResourceExhausted, $"{f.Item1}: {f.Item2}"));
        var admitted = flooded.Count(f => f.Item1 == StatusCode.OK);
        // The burst, plus what the rate refilled while the flood lasted (and one refill period of slack).
        Assert.InRange(admitted, 1, LimitedHostFixture.Burst + (int)Math.Ceiling((elapsed.TotalSeconds + 0.1) * LimitedHostFixture.Rate) + 1);
        var throttled = flooded.First(f => f.Item1 == StatusCode.ResourceExhausted);
        Assert.Contains("Limits:RequestsPerSecondPerClient", throttled.Item2, StringComparison.Ordinal);
        Assert.True(int.TryParse(throttled.Item3.GetValue("retry-after-ms"), out var retryAfter) && retryAfter > 0, "a retry-after-ms trailer");
        var inspection = await calm.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel);
        Assert.Equal(LimitedHostFixture.Burst / 2, inspection.Results.Cases);
    }

    [Fact]
    public async Task A_client_holding_too_many_streams_is_refused_another_while_others_still_open_theirs()
    {
        var id = await OpenAsync("streams");
        using var hog = TestTokens.Channel(host.Address, TestTokens.Everything("hog"));
        using var other = TestTokens.Channel(host.Address, TestTokens.Everything("other"));
        var hogging = new InspectionService.InspectionServiceClient(hog);
        var watch = new WatchInspectionRequest { InspectionId = id };

        var held = new List<AsyncServerStreamingCall<Inspection>>();
        for (var i = 0; i < LimitedHostFixture.Streams; i++)
        {
            var call = hogging.WatchInspection(watch, cancellationToken: Cancel);
            Assert.True(await call.ResponseStream.MoveNext(Cancel)); // admitted: its first state arrived
            held.Add(call);
        }

        using var refused = hogging.WatchInspection(watch, cancellationToken: Cancel);
        var error = await Assert.ThrowsAsync<RpcException>(() => refused.ResponseStream.MoveNext(Cancel));
        using var others = new InspectionService.InspectionServiceClient(other).WatchInspection(watch, cancellationToken: Cancel);
        var othersAdmitted = await others.ResponseStream.MoveNext(Cancel);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("Limits:MaxConcurrentStreamsPerClient", error.Status.Detail, StringComparison.Ordinal);
        Assert.True(othersAdmitted);
        foreach (var call in held)
        {
            call.Dispose();
        }
    }

    [Fact]
    public async Task A_stream_sending_faster_than_its_rate_is_slowed_not_refused()
    {
        var id = Requests.NewId("paced");
        using var channel = TestTokens.Channel(host.Address, TestTokens.Everything("fast-streamer"));
        var client = new InspectionService.InspectionServiceClient(channel);
        await client.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        var batches = LimitedHostFixture.Burst * 2;

        using var stream = client.StreamJudgements(cancellationToken: Cancel);
        var writing = Task.Run(async () =>
        {
            for (var b = 1; b <= batches; b++)
            {
                await stream.RequestStream.WriteAsync(new JudgementBatch { BatchId = (ulong)b, InspectionId = id, Judgements = { Requests.Judgement($"case-{b}", 1) } }, Cancel);
            }

            await stream.RequestStream.CompleteAsync();
        }, Cancel);
        var acknowledged = new List<ulong>();
        await foreach (var ack in stream.ResponseStream.ReadAllAsync(Cancel))
        {
            acknowledged.Add(ack.BatchId);
        }

        await writing;
        Assert.Equal(Enumerable.Range(1, batches).Select(b => (ulong)b), acknowledged);
    }

    // Opened by a subject of its own, so that no test client's budget pays for the setup.
    private async Task<string> OpenAsync(string prefix)
    {
        var id = Requests.NewId(prefix);
        using var setup = TestTokens.Channel(host.Address, TestTokens.Everything($"setup-{prefix}"));
        await new InspectionService.InspectionServiceClient(setup).OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        return id;
    }

    private static async Task<(StatusCode, string, Metadata)> OutcomeAsync<T>(AsyncUnaryCall<T> call)
    {
        using (call)
        {
            try
            {
                await call.ResponseAsync;
                return (StatusCode.OK, "", []);
            }
            catch (RpcException ex)
            {
                return (ex.StatusCode, ex.Status.Detail, ex.Trailers);
            }
        }
    }
}
