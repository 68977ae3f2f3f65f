using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using RatingGrid.Testing;

namespace RatingGrid.Dashboard.Benchmarks;

/// <summary>
/// What a browser's dashboard holds, without the rendering: a token from the development sign-in
/// (each browser signs in as itself) and a gRPC-Web channel over HTTP/1.1, one connection per watch,
/// as a browser has without TLS.
/// </summary>
internal static class Browsers
{
    private static readonly string[] EveryRegion = ["*"];
    private static readonly string[] Unpublished = ["ratinggrid.unpublished"];

    public static async Task<string> SignInAsync(string webAddress, string name)
    {
        using var http = new HttpClient { BaseAddress = new Uri(webAddress) };
        using var response = await http.PostAsJsonAsync("development/sign-in", new { name, regions = EveryRegion, scopes = Unpublished });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    public static GrpcChannel Channel(string webAddress, string token) => TestTokens.Channel(webAddress, token, new GrpcChannelOptions
    {
        HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, new HttpClientHandler()),
        HttpVersion = HttpVersion.Version11,
    });
}
