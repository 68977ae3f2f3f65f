using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;

namespace RatingGrid.Client.Connections;

/// <summary>
/// Channels to RatingGrid whose every call carries a bearer token, and whose unary calls are tried
/// again on UNAVAILABLE (every rpc is safe to retry but CorrectInspection, which is left alone; a
/// judgement stream's resends are <see cref="Feeding.JudgementFeed"/>'s).
/// </summary>
public static class RatingGridChannel
{
    /// <summary>The default address of a service started on this machine (scripts/run.sh).</summary>
    public const string LocalAddress = "http://127.0.0.1:5080";

    /// <summary>
    /// A channel to <paramref name="address"/> whose calls carry <paramref name="token"/> (none: no
    /// header at all). Options with a <see cref="GrpcChannelOptions.ServiceConfig"/> of their own keep
    /// it: an empty one turns retries off (for a caller that must see each UNAVAILABLE, as tests do).
    /// </summary>
    public static GrpcChannel Create(string address, string? token, GrpcChannelOptions? options = null) =>
        Create(address, token is null ? null : _ => ValueTask.FromResult<string?>(token), options);

    /// <summary>
    /// A channel whose calls carry the token <paramref name="tokens"/> gives at the time of each call
    /// (a web app's signed-in person, refreshed as it expires). Plain http carries it too: the
    /// service's default is loopback.
    /// </summary>
    public static GrpcChannel Create(string address, Func<CancellationToken, ValueTask<string?>>? tokens, GrpcChannelOptions? options = null)
    {
        options ??= new GrpcChannelOptions();
        options.ServiceConfig ??= Retries;
        Authorize(options, address.StartsWith("https://", StringComparison.OrdinalIgnoreCase), tokens);
        return GrpcChannel.ForAddress(address, options);
    }

    /// <summary>
    /// A channel that spreads its calls over several hosts of one cluster, round robin, and leaves a
    /// host that stops answering for the others (a call retried on UNAVAILABLE goes to another): for a
    /// client that reaches the hosts directly rather than through a proxy. All hosts share a scheme.
    /// </summary>
    public static GrpcChannel Create(IReadOnlyList<Uri> hosts, Func<CancellationToken, ValueTask<string?>>? tokens, GrpcChannelOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(hosts.Count, nameof(hosts));
        options ??= new GrpcChannelOptions();
        options.ServiceConfig ??= Retries;
        options.ServiceConfig.LoadBalancingConfigs.Add(new RoundRobinConfig());
        var secure = hosts[0].Scheme == Uri.UriSchemeHttps;
        options.ServiceProvider = new Resolving(new StaticResolverFactory(_ => [.. hosts.Select(h => new BalancerAddress(h.Host, h.Port))]));
        Authorize(options, secure, tokens);
        options.Credentials ??= secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
        return GrpcChannel.ForAddress("static:///ratinggrid", options);
    }

    private static void Authorize(GrpcChannelOptions options, bool secure, Func<CancellationToken, ValueTask<string?>>? tokens)
    {
        if (tokens is null)
        {
            return;
        }

        var bearer = CallCredentials.FromInterceptor(async (context, metadata) =>
        {
            if (await tokens(context.CancellationToken) is { Length: > 0 } token)
            {
                metadata.Add("authorization", $"Bearer {token}");
            }
        });
        options.Credentials = ChannelCredentials.Create(secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, bearer);
        options.UnsafeUseInsecureChannelCallCredentials = !secure;
    }

    // The channel asks its service provider for its resolver factories (and falls back to its own
    // defaults for everything else): this one offers only the static list, without a DI container.
    private sealed class Resolving(ResolverFactory factory) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(IEnumerable<ResolverFactory>) ? new[] { factory } : null;
    }

    // A new one for every channel: a channel adds its balancing to its own.
    private static ServiceConfig Retries => new()
    {
        MethodConfigs =
        {
            new MethodConfig
            {
                Names = { MethodName.Default },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = 4,
                    InitialBackoff = TimeSpan.FromMilliseconds(200),
                    MaxBackoff = TimeSpan.FromSeconds(2),
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            },
            // Not idempotent: a retry after it took effect is refused, which would hide that it did.
            new MethodConfig { Names = { new MethodName { Service = "ratinggrid.v1.InspectionService", Method = "CorrectInspection" } } },
            // The feed resends what was not acknowledged itself; the channel must not buffer and replay a stream besides.
            new MethodConfig { Names = { new MethodName { Service = "ratinggrid.v1.InspectionService", Method = "StreamJudgements" } } },
        },
    };
}
