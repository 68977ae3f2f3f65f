using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;
using RatingGrid.Host.Configuration;
using RatingGrid.Security;

namespace RatingGrid.Host.Access;

/// <summary>
/// Admits each call to a ratinggrid.v1 rpc before the service sees it: a valid token (unless
/// authentication is off), the rpc's scope, the caller's call rate and stream count. Health and
/// reflection stay open so probes and tools work without a token.
/// </summary>
internal sealed partial class AccessInterceptor(AccessRules rules, IOptions<AuthSettings> authOptions, CallerLimits limits, WebPort webPort, ILogger<AccessInterceptor> logger) : Interceptor
{
    private readonly AuthSettings _auth = authOptions.Value;
    private readonly ConditionalWeakTable<ClaimsPrincipal, Caller> _callers = [];

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var slot = Admit(context) is { } caller ? OpenStream(caller) : null;
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var caller = Admit(context);
        if (caller is null)
        {
            await continuation(requestStream, responseStream, context);
            return;
        }

        using var slot = OpenStream(caller);
        await continuation(new PacedStreamReader<TRequest>(requestStream, limits, caller.LimitKey), responseStream, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var caller = Admit(context);
        if (caller is null)
        {
            return await continuation(requestStream, context);
        }

        using var slot = OpenStream(caller);
        return await continuation(new PacedStreamReader<TRequest>(requestStream, limits, caller.LimitKey), context);
    }

    /// <summary>The admitted caller, or null for a method that is not ours.</summary>
    private Caller? Admit(ServerCallContext context)
    {
        if (!rules.Governs(context.Method))
        {
            return null;
        }

        var caller = Identify(context);
        if (!limits.TryAdmitCall(caller.LimitKey, out var retryAfter))
        {
            var wait = (long)Math.Ceiling(retryAfter.TotalMilliseconds);
            throw new RpcException(
                new Status(StatusCode.ResourceExhausted,
                    $"Too many calls from {caller.Describe()}: the limit is {limits.Settings.RequestsPerSecondPerClient} per second with bursts of {limits.Settings.RequestBurstPerClient} (Limits:RequestsPerSecondPerClient, Limits:RequestBurstPerClient). Retry after {wait} ms."),
                new Metadata { { "retry-after-ms", wait.ToString(CultureInfo.InvariantCulture) } });
        }

        if (caller.Subject is null && _auth.Mode != AuthSettings.None)
        {
            var refusal = Authentication.Refusal(context.GetHttpContext());
            LogRefused(context.Method, caller.LimitKey, refusal.Detail);
            throw new RpcException(refusal);
        }

        var scope = rules.ScopeFor(context.Method);
        if (!caller.Grants(scope))
        {
            LogDenied(context.Method, caller.Subject ?? caller.LimitKey, scope);
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"This call needs the scope '{scope}'; the token of {caller.Describe()} grants {(caller.Scopes.Count == 0 ? "none" : string.Join(" ", caller.Scopes.Order(StringComparer.Ordinal)))}."));
        }

        if (webPort.Serves(context.GetHttpContext()) && !WebPort.Admits(scope))
        {
            throw new RpcException(new Status(StatusCode.Unimplemented,
                $"{context.Method} is not served over gRPC-Web, which carries reads and watches only (scopes {Scopes.Read}, {Scopes.National}); call it on the gRPC port."));
        }

        context.SetCaller(caller);
        return caller;
    }

    // Who the caller is for limits, even before it has proved anything: an unauthenticated flood is
    // throttled by address.
    private Caller Identify(ServerCallContext context)
    {
        if (_auth.Mode == AuthSettings.None)
        {
            return Caller.Unchecked(context);
        }

        var user = context.GetHttpContext().User;
        var subject = user.FindFirst(TokenClaims.Subject)?.Value;
        if (user.Identity?.IsAuthenticated != true)
        {
            return Caller.Unproven(context);
        }

        if (string.IsNullOrEmpty(subject) || subject.Length > limits.Settings.MaxIdLength)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                $"The bearer token has no usable subject ('sub' claim, 1 to {limits.Settings.MaxIdLength} characters, Limits:MaxIdLength): it is recorded as the actor of every change, so it is required."));
        }

        // A cached token comes back as the same principal (see ValidatedTokens): its scopes and regions are read once.
        return _callers.GetValue(user, principal => Caller.FromToken(principal, subject));
    }

    private CallerLimits.StreamSlot OpenStream(Caller caller) =>
        limits.TryOpenStream(caller.LimitKey) ?? throw new RpcException(new Status(StatusCode.ResourceExhausted,
            $"{caller.Describe()} already has {limits.Settings.MaxConcurrentStreamsPerClient} streaming calls open (Limits:MaxConcurrentStreamsPerClient); finish one first. Several batches may share one StreamJudgements call."));

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} from {Caller}: {Reason}")]
    private partial void LogRefused(string method, string caller, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Denied {Method} to {Caller}: needs scope {Scope}")]
    private partial void LogDenied(string method, string caller, string scope);
}
