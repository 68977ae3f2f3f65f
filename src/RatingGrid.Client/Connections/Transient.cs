using Grpc.Core;

namespace RatingGrid.Client.Connections;

/// <summary>Which failures waiting and trying again may mend: the service said so (UNAVAILABLE, RESOURCE_EXHAUSTED), or the connection broke.</summary>
public static class Transient
{
    public static bool IsTransient(this RpcException exception) => exception.StatusCode is
        StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.Aborted or StatusCode.DeadlineExceeded
        // grpc-dotnet reports a connection closed under a call as INTERNAL or UNKNOWN, and a reset stream as CANCELLED.
        or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled;
}
