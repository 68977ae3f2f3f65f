using Grpc.Core;

namespace RatingGrid.Dashboard.Feeds;

/// <summary>What went wrong, in words a person can act on, and whether trying again later may help.</summary>
public sealed record Problem(ProblemKind Kind, string Title, string Detail)
{
    public bool Retryable => Kind == ProblemKind.Unreachable;

    public static Problem From(Exception exception, string what) => exception switch
    {
        RpcException { StatusCode: StatusCode.NotFound } e => new(ProblemKind.NotFound, $"There is no {what}", e.Status.Detail),
        RpcException { StatusCode: StatusCode.Unauthenticated } e => new(ProblemKind.SignInNeeded, "Sign in to see this page", e.Status.Detail),
        RpcException { StatusCode: StatusCode.PermissionDenied } e => new(ProblemKind.Refused, $"You cannot see this {what}", e.Status.Detail),
        RpcException { StatusCode: StatusCode.InvalidArgument } e => new(ProblemKind.Invalid, $"This is not a {what} address", e.Status.Detail),
        _ => new(ProblemKind.Unreachable, "The rating service cannot be reached", "The page tries again by itself; the figures shown may be behind until it does."),
    };
}
