using Grpc.Core;
using RatingGrid.Host.Health;

namespace RatingGrid.Host.Hosting;

/// <summary>
/// How a host leaves its cluster on SIGTERM, in an order that sends no caller elsewhere before
/// elsewhere can take the work. (1) It turns NOT_SERVING and judgement streams stop taking new
/// batches. (2) It finishes the work in hand: the batches streams had read and the unary calls
/// begun before, bounded by <see cref="DrainWait"/>. (3) Its silo leaves the cluster: its grains
/// deactivate, storing what they hold, to activate on the other hosts at their next call, and
/// membership records that it left (no host waits to suspect it). (4) Only then do its streams and
/// watches end, with UNAVAILABLE and a retry hint (<see cref="RetryNow"/>), and Kestrel stops with
/// nothing left to wait for. Runs before any hosted service stops (StoppingAsync), so Kestrel's own
/// drain and the silo's hosted service find the work done.
/// </summary>
/// <param name="leaveCluster">Makes the silo leave (Orleans' graceful stop); idempotent, as the silo's own hosted service stops it again later.</param>
internal sealed partial class HostDeparture(Func<CancellationToken, Task> leaveCluster, ServiceReadiness readiness, TimeProvider time, ILogger<HostDeparture> logger) : IHostedLifecycleService, IDisposable
{
    /// <summary>The longest the host waits for work in hand before its silo leaves regardless.</summary>
    public static readonly TimeSpan DrainWait = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _leaving = new();
    private readonly CancellationTokenSource _left = new();
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _working;

    /// <summary>Cancelled when the host starts to leave: take no new work.</summary>
    public CancellationToken Leaving => _leaving.Token;

    /// <summary>Cancelled once the host's silo has left the cluster: end streams and watches now, and callers will find the work elsewhere.</summary>
    public CancellationToken Left => _left.Token;

    /// <summary>Trailers for the UNAVAILABLE that ends a call of a host that has left: the work can be taken elsewhere at once (retry-after-ms 0).</summary>
    public static Metadata RetryNow => new() { { "retry-after-ms", "0" } };

    /// <summary>
    /// Counts work in hand until disposed, so that a leaving host finishes it before its silo leaves;
    /// work begun once the host is leaving is not waited for (it would never end under load).
    /// </summary>
    public IDisposable Working()
    {
        if (_leaving.IsCancellationRequested)
        {
            return NoWork.Instance;
        }

        Interlocked.Increment(ref _working);
        return new Work(this);
    }

    /// <summary>Waits until the host's silo has left (or <paramref name="cancellationToken"/>); then the caller ends its call.</summary>
    public async Task LeftAsync(CancellationToken cancellationToken)
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (_left.Token.Register(() => ended.TrySetResult()))
        using (cancellationToken.Register(() => ended.TrySetResult()))
        {
            await ended.Task;
        }
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        readiness.Leaving();
        var started = time.GetTimestamp();
        await _leaving.CancelAsync();
        if (Volatile.Read(ref _working) == 0)
        {
            _idle.TrySetResult();
        }

        var drained = await _idle.Task.WaitAsync(DrainWait, time, cancellationToken).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
        var finished = time.GetElapsedTime(started);
        try
        {
            await leaveCluster(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            LogSiloNotRunning(ex.Message); // stopped while still starting: nothing had joined
        }

        var (unfinished, left) = (drained ? 0 : Volatile.Read(ref _working), time.GetElapsedTime(started));
        LogLeft(finished.TotalSeconds, unfinished, left.TotalSeconds);
        await _left.CancelAsync();
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _leaving.Dispose();
        _left.Dispose();
    }

    private void Done()
    {
        if (Interlocked.Decrement(ref _working) == 0 && _leaving.IsCancellationRequested)
        {
            _idle.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Left the cluster: work in hand finished after {Finished:0.0} s ({Unfinished} call(s) left unfinished), silo gone at {Left:0.0} s; ending streams and watches")]
    private partial void LogLeft(double finished, int unfinished, double left);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping before the silo ran: {Reason}")]
    private partial void LogSiloNotRunning(string reason);

    private sealed class Work(HostDeparture departure) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                departure.Done();
            }
        }
    }

    private sealed class NoWork : IDisposable
    {
        public static readonly NoWork Instance = new();

        public void Dispose()
        {
        }
    }
}
