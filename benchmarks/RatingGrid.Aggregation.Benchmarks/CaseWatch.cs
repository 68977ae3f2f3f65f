using System.Diagnostics;
using Grpc.Core;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Aggregation.Benchmarks;

/// <summary>
/// Reads a WatchNation or WatchRegion stream as it arrives, noting when each case total was first
/// seen, so that a probe can ask how long after its acknowledgement its case became visible.
/// </summary>
internal sealed class CaseWatch
{
    private readonly List<(long At, int Cases)> _seen = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _update = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CaseWatch(IAsyncStreamReader<AggregateFigures> stream) => _ = ReadAsync(stream);

    /// <summary>
    /// Milliseconds from <paramref name="acknowledged"/> (a timestamp) until the stream showed
    /// <paramref name="cases"/> cases; negative when the stream showed them before the
    /// acknowledgement reached the client (publication and reply leave the inspection together).
    /// </summary>
    public async Task<double> MillisecondsUntilAsync(int cases, long acknowledged)
    {
        while (true)
        {
            Task update;
            lock (_lock)
            {
                foreach (var (at, seen) in _seen)
                {
                    if (seen >= cases)
                    {
                        return Stopwatch.GetElapsedTime(acknowledged, at).TotalMilliseconds;
                    }
                }

                update = _update.Task;
            }

            await update.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private async Task ReadAsync(IAsyncStreamReader<AggregateFigures> stream)
    {
        try
        {
            await foreach (var figures in stream.ReadAllAsync())
            {
                var cases = figures.Rulebooks.Sum(r => r.Cases);
                lock (_lock)
                {
                    if (_seen.Count == 0 || _seen[^1].Cases != cases)
                    {
                        _seen.Add((Stopwatch.GetTimestamp(), cases));
                    }

                    _update.TrySetResult();
                    _update = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
        {
            // The benchmark is over.
        }
    }
}
