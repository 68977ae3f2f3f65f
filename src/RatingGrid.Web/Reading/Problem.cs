using Grpc.Core;

namespace RatingGrid.Web.Reading;

/// <summary>What went wrong, in words a person can act on, and whether trying again later may help.</summary>
public sealed record Problem(ProblemKind Kind, string Title, string Detail)
{
    public bool Retryable => Kind == ProblemKind.Unreachable;

    /// <summary>The HTTP status a page showing it answers with, so that tools and people's browsers see the failure too.</summary>
    public int HttpStatus => Kind switch
    {
        ProblemKind.NotFound => 404,
        ProblemKind.Refused => 403,
        ProblemKind.Invalid => 400,
        ProblemKind.SignInNeeded => 401,
        _ => 503,
    };

    public static Problem From(Exception exception, string what) => exception switch
    {
        RpcException { StatusCode: StatusCode.NotFound } e => new(ProblemKind.NotFound, $"There is no {what}", e.Status.Detail),
        RpcException { StatusCode: StatusCode.Unauthenticated } e => new(ProblemKind.SignInNeeded, "Sign in to see this page", e.Status.Detail),
        RpcException { StatusCode: StatusCode.PermissionDenied } e => new(ProblemKind.Refused, $"You cannot see this {what}", e.Status.Detail),
        RpcException { StatusCode: StatusCode.InvalidArgument } e => new(ProblemKind.Invalid, $"This is not a {what} address", e.Status.Detail),
        _ => new(ProblemKind.Unreachable, "The rating service cannot be reached", "Try again in a moment; if it persists, the service may be down."),
    };
}
