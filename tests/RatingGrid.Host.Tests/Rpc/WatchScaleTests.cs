using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Grpc.Core;
using Grpc.Net.Client;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>A watch reset quickly once its reader stalls, so that the test need not wait long for it; its log kept.</summary>
public sealed class QuickWatchResetHost(Azurite azurite) : HostFixture(azurite)
{
    public LogSink Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?> { ["Limits:WatchWriteTimeoutSeconds"] = "2" };

    protected override void Configure(WebApplicationBuilder builder) => builder.Logging.AddProvider(Logs);
}

/// <summary>Watches as a dashboard backend or gateway makes them: hundreds on one HTTP/2 connection, alongside its other calls.</summary>
public sealed class WatchScaleTests(QuickWatchResetHost host) : IClassFixture<QuickWatchResetHost>
{
    // One connection, as a gateway multiplexes: grpc-dotnet would otherwise open more once one is full.
    private GrpcChannel OneConnection() => TestTokens.Channel(host.Address, TestTokens.Everything(), new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false },
        HttpVersion = HttpVersion.Version20,
    });

    [Fact]
    public async Task Three_hundred_watches_on_one_connection_all_see_a_write_made_on_that_connection()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var channel = OneConnection();
        var client = new InspectionService.InspectionServiceClient(channel);
        var id = Requests.NewId();
        var opened = await client.OpenInspectionAsync(Requests.Open(id), cancellationToken: cancel);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var watches = Enumerable.Range(0, 300).Select(_ => client.WatchInspection(new WatchInspectionRequest { InspectionId = id }, cancellationToken: stop.Token)).ToList();
        try
        {
            foreach (var watch in watches)
            {
                Assert.True(await watch.ResponseStream.MoveNext(cancel));
                Assert.Equal(opened.Version, watch.ResponseStream.Current.Version);
            }

            var written = await client.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c1", 1)), cancellationToken: cancel);

            foreach (var watch in watches)
            {
                Assert.True(await watch.ResponseStream.MoveNext(cancel));
                Assert.Equal(written.Version, watch.ResponseStream.Current.Version);
            }
        }
        finally
        {
            await stop.CancelAsync();
            watches.ForEach(w => w.Dispose());
        }
    }

    [Fact]
    public async Task A_watch_whose_reader_stops_is_reset_alone_and_the_others_on_its_connection_go_on()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var channel = OneConnection();
        var client = new InspectionService.InspectionServiceClient(channel);
        var id = Requests.NewId();
        var open = Requests.Open(id);
        open.PduName = new string('P', 2_000); // every view carries it: a few changes fill a stream's window
        await client.OpenInspectionAsync(open, cancellationToken: cancel);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var stalled = client.WatchInspection(new WatchInspectionRequest { InspectionId = id }, cancellationToken: stop.Token);
        var readers = Enumerable.Range(0, 10).Select(_ => client.WatchInspection(new WatchInspectionRequest { InspectionId = id }, cancellationToken: stop.Token)).ToList();
        var newest = readers.Select(_ => 0L).ToArray();
        var reading = readers.Select((watch, i) => Task.Run(async () =>
        {
            await foreach (var view in watch.ResponseStream.ReadAllAsync(stop.Token))
            {
                Interlocked.Exchange(ref newest[i], view.Version);
            }
        }, stop.Token)).ToList();
        try
        {
            // Enough changes, each a view of over 2 KB, to fill the stalled stream's HTTP/2 window
            // (64 KiB) and the server's buffer for it (64 KiB) twice over.
            long version = 0;
            for (var round = 1; round <= 120; round++)
            {
                version = (await client.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c1", round, seed: round)), cancellationToken: cancel)).Version;
            }

            // Unread, the stalled watch's next write waits; past Limits:WatchWriteTimeoutSeconds its
            // stream alone is reset, and the host says so.
            await host.Logs.WaitForAsync(m => m.Contains("WatchInspection: the watcher took nothing", StringComparison.Ordinal), cancel);
            var ended = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                await foreach (var _ in stalled.ResponseStream.ReadAllAsync(cancel))
                {
                }
            });
            Assert.NotEqual(StatusCode.OK, ended.StatusCode);

            // Every other watch on the connection saw the newest version, and the connection still takes calls.
            var last = (await client.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("after", 1)), cancellationToken: cancel)).Version;
            Assert.True(last > version);
            var caughtUp = await Eventually.Until(() => Task.FromResult(Enumerable.Range(0, newest.Length).Min(i => Interlocked.Read(ref newest[i]))), min => min >= last, cancel, seconds: 30);
            Assert.Equal(last, caughtUp);
            Assert.All(reading, r => Assert.False(r.IsCompleted, "a reading watch ended"));
        }
        finally
        {
            await stop.CancelAsync();
            readers.ForEach(w => w.Dispose());
            await Task.WhenAll(reading.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        }
    }
}
