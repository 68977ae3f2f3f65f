using Grpc.Core;

namespace RatingGrid.Host.Access;

/// <summary>
/// Reads a stream's messages no faster than the caller's call rate allows: the rest wait in the
/// transport. The token ends only the wait for a permit, never a read: cancelling a read by token
/// aborts the whole HTTP/2 call, so whoever stops reading ends a pending read with
/// <see cref="System.IO.Pipelines.PipeReader.CancelPendingRead"/> instead.
/// </summary>
internal sealed class PacedStreamReader<T>(IAsyncStreamReader<T> inner, CallerLimits limits, string caller) : IAsyncStreamReader<T>
{
    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (!await inner.MoveNext(CancellationToken.None))
        {
            return false;
        }

        return await limits.AdmitMessageAsync(caller, cancellationToken)
            ? true
            : throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"Too many messages waiting for the call rate of this caller (Limits:RequestsPerSecondPerClient, Limits:MaxConcurrentStreamsPerClient)."));
    }
}
