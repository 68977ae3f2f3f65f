using System.Globalization;
using Grpc.Core;

namespace RatingGrid.Client.Connections;

/// <summary>Which failures waiting and trying again may mend: the service said so (UNAVAILABLE, RESOURCE_EXHAUSTED), or the connection broke.</summary>
public static class Transient
{
    public static bool IsTransient(this RpcException exception) => exception.StatusCode is
        StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.Aborted or StatusCode.DeadlineExceeded
        // grpc-dotnet reports a connection closed under a call as INTERNAL or UNKNOWN, and a reset stream as CANCELLED.
        or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled;

    /// <summary>
    /// The wait before trying again: the backoff's for this attempt, or longer when the service asked
    /// for longer (its <c>retry-after-ms</c> trailer, sent with RESOURCE_EXHAUSTED when a caller is over
    /// its rate, and as 0 with the UNAVAILABLE of a host that has left, whose work another host takes at once).
    /// </summary>
    public static TimeSpan WaitBefore(this Backoff backoff, int attempt, Exception failure)
    {
        var wait = backoff.Delay(attempt);
        return (failure as RpcException)?.Trailers.GetValue("retry-after-ms") is { } hint && long.TryParse(hint, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && TimeSpan.FromMilliseconds(ms) > wait
            ? TimeSpan.FromMilliseconds(ms)
            : wait;
    }
}
