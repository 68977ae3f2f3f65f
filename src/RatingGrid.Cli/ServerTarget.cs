using Grpc.Net.Client;
using RatingGrid.Client.Connections;

namespace RatingGrid.Cli;

/// <summary>Where the service is and the bearer token to show it.</summary>
internal sealed record ServerTarget(string Address, string? Token)
{
    public const string TokenVariable = "RATINGGRID_TOKEN";

    /// <summary>A channel whose every call carries the token (over plaintext too: the service's default is loopback).</summary>
    public GrpcChannel OpenChannel() => RatingGridChannel.Create(Address, string.IsNullOrEmpty(Token) ? null : Token);
}
