using Grpc.Net.Client;
using RatingGrid.Client.Connections;
using RatingGrid.Web.Hosting;
using RatingGrid.Web.SignIn;

namespace RatingGrid.Web.Reading;

/// <summary>
/// The one channel to the service (HTTP/2, the client library's retries): to one address, or
/// balanced over several hosts. Each call carries the token of the person whose request makes it,
/// read from their session on this server.
/// </summary>
internal static class ServiceChannel
{
    public static GrpcChannel Create(WebSettings settings, SessionTokens tokens)
    {
        var options = new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024 };
        Func<CancellationToken, ValueTask<string?>>? token = settings.SignIn == WebSettings.None ? null : tokens.AccessTokenAsync;
        return settings.ServiceAddresses.Length == 1
            ? RatingGridChannel.Create(settings.ServiceAddresses[0], token, options)
            : RatingGridChannel.Create([.. settings.ServiceAddresses.Select(a => new Uri(a))], token, options);
    }
}
