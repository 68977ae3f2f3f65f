using Grpc.Core;
using RatingGrid.Host.Diagnostics;

namespace RatingGrid.Host.Services;

/// <summary>The shape of every Watch rpc: the current state, then each newer durable one, until the caller goes or the server stops.</summary>
internal static class Follow
{
    // Long polls are renewed well inside Orleans' default 30 s response timeout.
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(20);

    public static async Task ViewsAsync<TView, TWire>(
        Func<Task<TView>> current,
        Func<long, TimeSpan, Task<TView?>> newer,
        Func<TView, long> version,
        Func<TView, TWire> toWire,
        long afterVersion,
        IServerStreamWriter<TWire> stream,
        ServerCallContext context,
        IHostApplicationLifetime lifetime)
        where TView : class
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var seen = afterVersion;
        HostMetrics.Watchers.Add(1);
        try
        {
            var now = await current();
            if (version(now) > seen || seen == 0)
            {
                await stream.WriteAsync(toWire(now), stop.Token);
                seen = version(now);
            }

            while (!stop.IsCancellationRequested)
            {
                // The grain answers as soon as a newer version exists, so a slow watcher gets the
                // newest state, never a backlog.
                if (await newer(seen, Poll).WaitAsync(stop.Token) is { } next)
                {
                    await stream.WriteAsync(toWire(next), stop.Token);
                    seen = version(next);
                }
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"The server is shutting down; watch again with after_version {seen}."));
        }
        finally
        {
            HostMetrics.Watchers.Add(-1);
        }
    }
}
