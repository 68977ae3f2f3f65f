using System.Diagnostics;
using System.Globalization;
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
        var rssBefore = ResidentBytes(host.ProcessId);
        var channels = Enumerable.Range(0, connections).Select(_ => open()).ToArray();
        using var stop = new CancellationTokenSource();
        var watchers = Enumerable.Range(0, watches).Select(i => new Watcher(new InspectionService.InspectionServiceClient(channels[i % connections]), id)).ToArray();
        var reading = watchers.Select(w => w.ReadAsync(stop.Token)).ToArray();
        var current = (await writer.GetInspectionAsync(new GetInspectionRequest { InspectionId = id })).Version;
        await Task.WhenAll(watchers.Select(w => w.SeenAsync(current)));
        var rssAfter = ResidentBytes(host.ProcessId);

        var latencies = new List<double>();
        var nextCase = 10_000 + (connections * 1_000);
        for (var u = 0; u < updates; u++)
        {
            var sent = Stopwatch.GetTimestamp();
            var ack = await writer.RecordJudgementsAsync(LoadRequests.Batch(rulebook, id, revision: 1, firstCase: nextCase++, cases: 1));
            foreach (var seenAt in await Task.WhenAll(watchers.Select(w => w.SeenAsync(ack.Version))))
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent, seenAt).TotalMilliseconds);
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(reading);
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        const double MiB = 1024 * 1024;
        return new FanOutResult(updates, Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99), latencies.Max(), rssBefore / MiB, rssAfter / MiB, (rssAfter - rssBefore) / (double)watches);
    }

    private static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>One watch: the newest version it has read and when, and who waits for which version.</summary>
    private sealed class Watcher(InspectionService.InspectionServiceClient client, string id)
    {
        private readonly Lock _gate = new();
        private readonly List<(long Version, TaskCompletionSource<long> Seen)> _waiting = [];
        private long _version;
        private long _at;

        public async Task ReadAsync(CancellationToken stop)
        {
            try
            {
                using var call = client.WatchInspection(new WatchInspectionRequest { InspectionId = id }, cancellationToken: stop);
                await foreach (var inspection in call.ResponseStream.ReadAllAsync(stop))
                {
                    var at = Stopwatch.GetTimestamp();
                    lock (_gate)
                    {
                        (_version, _at) = (inspection.Version, at);
                        foreach (var waiter in _waiting.Where(w => w.Version <= inspection.Version).ToList())
                        {
                            waiter.Seen.TrySetResult(at);
                            _waiting.Remove(waiter);
                        }
                    }
                }
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled || stop.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }

        /// <summary>When this watcher read a version at or past <paramref name="version"/>.</summary>
        public Task<long> SeenAsync(long version)
        {
            lock (_gate)
            {
                if (_version >= version)
                {
                    return Task.FromResult(_at);
                }

                var seen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Add((version, seen));
                return seen.Task;
            }
        }
    }
}
