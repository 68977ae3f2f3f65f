using System.Diagnostics;
using Grpc.Net.Client;

namespace RatingGrid.Reads.Benchmarks;

/// <summary>Callers that each send their next call as soon as the previous one answers, for a while.</summary>
internal static class ClosedLoop
{
    public static async Task<double> CallsPerSecondAsync(GrpcChannel[] channels, int callersPerChannel, Func<GrpcChannel, Task> call, TimeSpan duration)
    {
        long completed = 0;
        var clock = Stopwatch.StartNew();
        async Task CallerAsync(GrpcChannel channel)
        {
            while (clock.Elapsed < duration)
            {
                await call(channel);
                Interlocked.Increment(ref completed);
            }
        }

        await Task.WhenAll(channels.SelectMany(channel => Enumerable.Range(0, callersPerChannel).Select(_ => Task.Run(() => CallerAsync(channel)))));
        return completed / clock.Elapsed.TotalSeconds;
    }
}
