using System.Runtime.CompilerServices;
using Grpc.Core;
using RatingGrid.Client.Connections;

namespace RatingGrid.Client.Watching;

/// <summary>
/// Follows one of RatingGrid's watches (WatchInspection, WatchRegion, WatchNation, WatchRegionPdus,
/// WatchNationOverview) through breaks: when the stream ends or fails for a reason waiting may mend
/// (a host stopping or lost, a connection dropped, the watch's deadline), it watches again, after a
/// backoff with jitter, from the last version it handed on, on whichever host the channel reaches.
/// The caller sees each version at most once and in increasing order, never an older one after a
/// newer (versions are the same on every host), and a state for every break: a watch sends whole
/// states, so resuming with the last version seen misses nothing. A refusal waiting will not mend
/// (NOT_FOUND, PERMISSION_DENIED, UNAUTHENTICATED, INVALID_ARGUMENT) ends it with that exception.
/// </summary>
public static class ResumableWatch
{
    /// <param name="watch">Starts the watch after a version (0: from the current state).</param>
    /// <param name="versionOf">The version a message carries.</param>
    /// <param name="broken">Told of each break and how long until the watch is tried again (a page may say it is reconnecting).</param>
    public static async IAsyncEnumerable<T> FollowAsync<T>(
        Func<long, CancellationToken, AsyncServerStreamingCall<T>> watch,
        Func<T, long> versionOf,
        long afterVersion = 0,
        Backoff? backoff = null,
        Action<RpcException, TimeSpan>? broken = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        backoff ??= Backoff.Default;
        var (after, handedOn, failures) = (afterVersion, false, 0);
        while (true)
        {
            RpcException? failure = null;
            using (var call = watch(after, cancellationToken))
            {
                while (true)
                {
                    bool moved;
                    try
                    {
                        moved = await call.ResponseStream.MoveNext(cancellationToken);
                    }
                    catch (RpcException ex) when (!cancellationToken.IsCancellationRequested && ex.IsTransient())
                    {
                        failure = ex;
                        break;
                    }

                    if (!moved)
                    {
                        break;
                    }

                    var message = call.ResponseStream.Current;
                    var version = versionOf(message);
                    // Asked from 0 the service sends its current state, even at version 0; anything else must be newer than what was handed on.
                    if (version > after || (!handedOn && afterVersion == 0 && version == after))
                    {
                        (after, handedOn, failures) = (version, true, 0);
                        yield return message;
                    }
                }
            }

            failure ??= new RpcException(new Status(StatusCode.Unavailable, "The service ended the watch."));
            var wait = backoff.WaitBefore(++failures, failure);
            broken?.Invoke(failure, wait);
            await Task.Delay(wait, cancellationToken);
        }
    }
}
