using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using RatingGrid.Client.Watching;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Testing.Continuity;

/// <summary>
/// Dashboards' watches, half of the nation and half of regions, recorded (<see cref="WatchRecord"/>):
/// either raw streams pinned to given hosts (any break shows), or the client library's resumable
/// watches over a balanced channel (breaks are ridden out; a failure it gives up on shows).
/// </summary>
public sealed class WatchFleet
{
    private readonly Func<CancellationToken, Task>[] _runs;

    private WatchFleet(IReadOnlyList<WatchRecord> records, Func<CancellationToken, Task>[] runs) => (Records, _runs) = (records, runs);

    public IReadOnlyList<WatchRecord> Records { get; }

    /// <summary><paramref name="count"/> raw watches spread over <paramref name="targets"/>, each one stream from the current state on.</summary>
    public static WatchFleet Raw(IReadOnlyList<(string Name, GrpcChannel Channel)> targets, IReadOnlyList<string> regions, int count, Stopwatch clock)
    {
        var records = new List<WatchRecord>();
        var runs = new List<Func<CancellationToken, Task>>();
        for (var i = 0; i < count; i++)
        {
            var (name, channel) = targets[i % targets.Count];
            var record = new WatchRecord(i, name, ScopeOf(i, regions));
            var reads = new AggregationService.AggregationServiceClient(channel);
            records.Add(record);
            runs.Add(stop => RawAsync(record, () => Open(reads, record.Scope, 0, stop), clock, stop));
        }

        return new WatchFleet(records, [.. runs]);
    }

    /// <summary><paramref name="count"/> resumable watches (the client library's) over one balanced channel.</summary>
    public static WatchFleet Resumable(GrpcChannel channel, IReadOnlyList<string> regions, int count, Stopwatch clock)
    {
        var reads = new AggregationService.AggregationServiceClient(channel);
        var records = Enumerable.Range(0, count).Select(i => new WatchRecord(i, "balanced", ScopeOf(i, regions))).ToList();
        return new WatchFleet(records, [.. records.Select(record => (Func<CancellationToken, Task>)(stop => ResumableAsync(record, reads, clock, stop)))]);
    }

    /// <summary>Runs every watch until <paramref name="stop"/>.</summary>
    public Task RunAsync(CancellationToken stop) => Task.WhenAll(_runs.Select(run => Task.Run(() => run(stop), CancellationToken.None)));

    private static string ScopeOf(int i, IReadOnlyList<string> regions) => i % 2 == 0 ? "nation" : regions[i / 2 % regions.Count];

    private static AsyncServerStreamingCall<AggregateFigures> Open(AggregationService.AggregationServiceClient reads, string scope, long after, CancellationToken cancel) =>
        scope == "nation"
            ? reads.WatchNation(new WatchNationRequest { AfterVersion = after }, cancellationToken: cancel)
            : reads.WatchRegion(new WatchRegionRequest { Region = scope, AfterVersion = after }, cancellationToken: cancel);

    private static async Task RawAsync(WatchRecord record, Func<AsyncServerStreamingCall<AggregateFigures>> open, Stopwatch clock, CancellationToken stop)
    {
        try
        {
            using var call = open();
            await foreach (var figures in call.ResponseStream.ReadAllAsync(stop))
            {
                record.Saw(clock.Elapsed, figures.Version);
            }

            record.Broke(clock.Elapsed, StatusCode.OK, "the service ended the watch");
        }
        catch (RpcException ex) when (!stop.IsCancellationRequested)
        {
            record.Broke(clock.Elapsed, ex.StatusCode, ex.Status.Detail);
        }
        catch (Exception ex) when (stop.IsCancellationRequested && ex is OperationCanceledException or RpcException)
        {
            // the test's own stop
        }
    }

    private static async Task ResumableAsync(WatchRecord record, AggregationService.AggregationServiceClient reads, Stopwatch clock, CancellationToken stop)
    {
        try
        {
            await foreach (var figures in ResumableWatch.FollowAsync(
                               (after, cancel) => Open(reads, record.Scope, after, cancel),
                               f => f.Version,
                               broken: (ex, _) => record.Broke(clock.Elapsed, ex.StatusCode, ex.Status.Detail),
                               cancellationToken: stop))
            {
                record.Saw(clock.Elapsed, figures.Version);
            }
        }
        catch (Exception ex) when (stop.IsCancellationRequested && ex is OperationCanceledException or RpcException)
        {
            // the test's own stop
        }
        catch (Exception ex)
        {
            record.Failure = ex;
        }
    }
}
