using Grpc.Core;
using Microsoft.Extensions.Options;
using RatingGrid.Host.Configuration;
using RatingGrid.Host.Diagnostics;
using RatingGrid.Host.Hosting;

namespace RatingGrid.Host.Services;

/// <summary>
/// The shape of every Watch rpc: the current state, then each newer durable one, until the caller
/// goes or the server stops. A slow reader gets the newest state, never a backlog; a reader that
/// takes nothing for <see cref="LimitSettings.WatchWriteTimeoutSeconds"/> has its stream reset,
/// alone, so it never holds a connection that other calls share.
/// </summary>
internal sealed partial class Watches(HostDeparture departure, IOptions<LimitSettings> limits, ILogger<Watches> logger)
{
    // Long polls are renewed well inside Orleans' default 30 s response timeout.
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(20);

    // A watch ends itself this long before its deadline: grpc-dotnet completes a call at its deadline
    // on a timer of its own, and a write racing that completion resets the stream (the caller would
    // read UNAVAILABLE instead of DEADLINE_EXCEEDED).
    private static readonly TimeSpan DeadlineMargin = TimeSpan.FromMilliseconds(25);

    public async Task FollowAsync<TView, TWire>(
        Func<Task<TView>> current,
        Func<long, TimeSpan, CancellationToken, Task<TView?>> newer,
        Func<TView, long> version,
        Func<TView, TWire> toWire,
        long afterVersion,
        IServerStreamWriter<TWire> stream,
        ServerCallContext context)
        where TView : class
    {
        // A leaving host stops waiting (in grains too: their deactivation would wait on it) at once,
        // but ends the watch only once its silo has left, so the caller watches again where the work now is.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, departure.Leaving);
        using var deadline = DeadlineTimer(context);
        using var linkDeadline = deadline.Token.Register(stop.Cancel);
        var seen = afterVersion;
        HostMetrics.Watchers.Add(1);
        try
        {
            var now = await current().WaitAsync(stop.Token);
            if (version(now) > seen || seen == 0)
            {
                await WriteAsync(stream, toWire(now), context, stop.Token);
                seen = version(now);
            }

            while (!stop.IsCancellationRequested)
            {
                // The grain answers as soon as a newer version exists, and is told when this watch
                // ends, so that nothing waits on its behalf (a host's shutdown included).
                if (await newer(seen, Poll, stop.Token).WaitAsync(stop.Token) is { } next)
                {
                    await WriteAsync(stream, toWire(next), context, stop.Token);
                    seen = version(next);
                }
            }

            stop.Token.ThrowIfCancellationRequested(); // the loop ends only when stopped: say why below
        }
        catch (OperationCanceledException) when (departure.Leaving.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            await departure.LeftAsync(context.CancellationToken);
            throw new RpcException(new Status(StatusCode.Unavailable, $"The server is shutting down; watch again with after_version {seen} (another host answers now)."), HostDeparture.RetryNow);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"The watch reached its deadline; watch again with after_version {seen}."));
        }
        finally
        {
            HostMetrics.Watchers.Add(-1);
        }
    }

    private static CancellationTokenSource DeadlineTimer(ServerCallContext context)
    {
        var timer = new CancellationTokenSource();
        if (context.Deadline != DateTime.MaxValue)
        {
            var left = context.Deadline - DateTime.UtcNow - DeadlineMargin;
            timer.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }

        return timer;
    }

    private async Task WriteAsync<TWire>(IServerStreamWriter<TWire> stream, TWire message, ServerCallContext context, CancellationToken stop)
    {
        // A cancelled token given to the write resets the stream at once, before any status is sent.
        stop.ThrowIfCancellationRequested();
        // The write gets the call's own token, never one of ours: grpc-dotnet cancels the request
        // from the write's token, and ours (the deadline's timer, the host's stopping) can fire after
        // grpc-dotnet has finished the request itself, at its deadline, which crashed the process.
        var write = stream.WriteAsync(message, context.CancellationToken);
        try
        {
            await write.WaitAsync(TimeSpan.FromSeconds(limits.Value.WatchWriteTimeoutSeconds), stop);
        }
        catch (OperationCanceledException) when (!write.IsCompleted)
        {
            _ = write.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            throw;
        }
        catch (TimeoutException)
        {
            // Its reader has taken nothing for the whole timeout: not even a status could reach it
            // past the unread messages, so reset this stream (RST_STREAM), and nothing else.
            LogStalled(context.Method, limits.Value.WatchWriteTimeoutSeconds);
            context.GetHttpContext().Abort();
            _ = write.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            throw new OperationCanceledException("The watcher stopped reading.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method}: the watcher took nothing for {Seconds} s (Limits:WatchWriteTimeoutSeconds); its stream was reset, other calls on its connection go on")]
    private partial void LogStalled(string method, int seconds);
}
