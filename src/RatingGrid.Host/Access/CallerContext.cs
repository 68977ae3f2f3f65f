using Grpc.Core;

namespace RatingGrid.Host.Access;

internal static class CallerContext
{
    private static readonly object Key = typeof(Caller);

    public static void SetCaller(this ServerCallContext context, Caller caller) => context.UserState[Key] = caller;

    /// <summary>The caller the access interceptor admitted; every rpc of ratinggrid.v1 has one.</summary>
    public static Caller Caller(this ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var caller) ? (Caller)caller : throw new InvalidOperationException("The call was not admitted by the access interceptor.");
}
