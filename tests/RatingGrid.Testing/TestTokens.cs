using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using RatingGrid.Client.Connections;
using RatingGrid.Security;

namespace RatingGrid.Testing;

/// <summary>
/// Development tokens for the hosts tests start: one key per test process, in a file the hosts are
/// configured with (<see cref="LocalHostSettings"/>), and channels that carry a token on every call.
/// </summary>
public static class TestTokens
{
    private static readonly Lazy<string> Key = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"ratinggrid-test-key-{Environment.ProcessId}-{Guid.NewGuid():N}");
        DevelopmentKey.CreateIfMissing(path);
        return path;
    });

    public static string KeyFile => Key.Value;

    /// <summary>Every scope in every region, for a subject: what most tests call with.</summary>
    public static string Everything(string subject = "tester") => Mint(TokenRequest.Everything(subject, TimeSpan.FromHours(1)));

    public static string Mint(TokenRequest request, DateTimeOffset? now = null) =>
        DevelopmentTokens.Mint(DevelopmentKey.Read(KeyFile), request, now ?? DateTimeOffset.UtcNow);

    /// <summary>
    /// A channel to a plaintext loopback host whose calls carry the token (none: no header at all), as
    /// any client of the service makes it, but without the library's retries: tests watch each status.
    /// </summary>
    public static GrpcChannel Channel(string address, string? token, GrpcChannelOptions? options = null)
    {
        options ??= new GrpcChannelOptions();
        options.ServiceConfig ??= new ServiceConfig();
        return RatingGridChannel.Create(address, token, options);
    }
}
