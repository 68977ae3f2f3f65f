using System.Diagnostics;
using Grpc.Core;
using RatingGrid.Contracts.V1;
using Grpc.Net.Client;

namespace RatingGrid.Testing;

/// <summary>
/// Many watches of one inspection, spread over some connections (each channel the given factory
/// makes is one: gRPC over HTTP/2, or gRPC-Web as browsers call); then writes, one at a time, each
/// timed from sending it until every watcher has read a version holding it.
/// </summary>
public static class FanOut
{
    public static async Task<FanOutResult> RunAsync(
        HostProcess host, Func<GrpcChannel> open, InspectionService.InspectionServiceClient writer, RatingGrid.Domain.Rulebooks.Rulebook rulebook, string id, int watches, int connections, int updates)
    {
        var rssBefore = host.ResidentBytes();
        var channels = Enumerable.Range(0, connections).Select(_ => open()).ToArray();
        using var stop = new CancellationTokenSource();
        var watchers = Enumerable.Range(0, watches).Select(i => new Watcher(new InspectionService.InspectionServiceClient(channels[i % connections]), id)).ToArray();
        var reading = watchers.Select(w => w.ReadAsync(stop.Token)).ToArray();
        var current = (await writer.GetInspectionAsync(new GetInspectionRequest { InspectionId = id })).Version;
        await Task.WhenAll(watchers.Select(w => w.Seen.SeenAsync(current)));
        var rssAfter = host.ResidentBytes();

        var latencies = await TimeWritesAsync(writer, rulebook, id, firstCase: 10_000 + (connections * 1_000), updates, [.. watchers.Select(w => w.Seen)]);

        await stop.CancelAsync();
        await Task.WhenAll(reading);
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        return Result(updates, latencies, rssBefore, rssAfter, watches);
    }

    /// <summary>
    /// Writes one case at a time (from <paramref name="firstCase"/>), each timed from sending it until
    /// every reader has seen a version holding it: one latency (ms) per reader per write.
    /// </summary>
    public static async Task<List<double>> TimeWritesAsync(
        InspectionService.InspectionServiceClient writer, RatingGrid.Domain.Rulebooks.Rulebook rulebook, string id, int firstCase, int updates, IReadOnlyList<SeenVersions> readers)
    {
        var latencies = new List<double>();
        for (var u = 0; u < updates; u++)
        {
            var sent = Stopwatch.GetTimestamp();
            var ack = await writer.RecordJudgementsAsync(LoadRequests.Batch(rulebook, id, revision: 1, firstCase: firstCase + u, cases: 1));
            foreach (var seenAt in await Task.WhenAll(readers.Select(r => r.SeenAsync(ack.Version))))
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent, seenAt).TotalMilliseconds);
            }
        }

        return latencies;
    }

    /// <summary>The writes' latencies and the serving process's memory before and after the readers opened, per reader.</summary>
    public static FanOutResult Result(int updates, List<double> latencies, long bytesBefore, long bytesAfter, int readers)
    {
        const double MiB = 1024 * 1024;
        return new FanOutResult(updates, Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99), latencies.Max(), bytesBefore / MiB, bytesAfter / MiB, (bytesAfter - bytesBefore) / (double)readers);
    }

    /// <summary>One watch, and the versions it has read.</summary>
    private sealed class Watcher(InspectionService.InspectionServiceClient client, string id)
    {
        public SeenVersions Seen { get; } = new();

        public async Task ReadAsync(CancellationToken stop)
        {
            try
            {
                using var call = client.WatchInspection(new WatchInspectionRequest { InspectionId = id }, cancellationToken: stop);
                await foreach (var inspection in call.ResponseStream.ReadAllAsync(stop))
                {
                    Seen.Saw(inspection.Version, Stopwatch.GetTimestamp());
                }
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled || stop.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }
    }
}
