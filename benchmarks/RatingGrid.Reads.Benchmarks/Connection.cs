using Grpc.Net.Client;
using RatingGrid.Testing;

namespace RatingGrid.Reads.Benchmarks;

internal static class Connection
{
    /// <summary>A channel held to exactly one HTTP/2 connection (grpc-dotnet opens more when a connection's stream limit is reached, unless told not to).</summary>
    public static GrpcChannel Open(string address) =>
        TestTokens.Channel(address, TestTokens.Everything("dashboard"), new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false },
            MaxReceiveMessageSize = 16 * 1024 * 1024,
        });
}
