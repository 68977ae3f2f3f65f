using Grpc.Core;
using Grpc.Net.Client;

namespace RatingGrid.Cli;

/// <summary>Where the service is and the bearer token to show it.</summary>
internal sealed record ServerTarget(string Address, string? Token)
{
    public const string TokenVariable = "RATINGGRID_TOKEN";

    /// <summary>A channel whose every call carries the token (over plaintext too: the service's default is loopback).</summary>
    public GrpcChannel OpenChannel()
    {
        if (string.IsNullOrEmpty(Token))
        {
            return GrpcChannel.ForAddress(Address);
        }

        var bearer = $"Bearer {Token}";
        var token = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", bearer);
            return Task.CompletedTask;
        });
        var secure = Address.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        return GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, token),
            UnsafeUseInsecureChannelCallCredentials = !secure,
        });
    }
}
