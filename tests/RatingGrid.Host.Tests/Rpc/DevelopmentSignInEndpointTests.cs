using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>
/// The host's development sign-in, which the dashboard's server calls for a person signing in
/// locally: its choices, and tokens reading only, for the regions chosen, expiring.
/// </summary>
[Collection(nameof(SharedHost))]
public sealed class DevelopmentSignInEndpointTests(HostFixture host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string[] EveryRegion = ["*"];

    private HttpClient Web() => new() { BaseAddress = new Uri(host.WebAddress) };

    [Fact]
    public async Task A_host_with_a_development_key_offers_the_registered_regions_and_reading_scopes_only()
    {
        using var web = Web();
        using var choices = JsonDocument.Parse(await web.GetStringAsync(new Uri("development/sign-in", UriKind.Relative), Cancel));

        Assert.Contains("North East", choices.RootElement.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain("ratinggrid.write", choices.RootElement.GetProperty("scopes").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(30, choices.RootElement.GetProperty("lifetimeMinutes").GetInt32());
    }

    [Fact]
    public async Task A_development_token_reads_its_region_only_writes_nothing_and_expires_as_configured()
    {
        var id = Requests.NewId("signin");
        await host.Inspections.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel); // Redcar, in the North East
        var (token, expiresAt) = await SignInAsync(["North East"], ["ratinggrid.unpublished"]);
        using var grpc = TestTokens.Channel(host.Address, token);
        using var web = TestTokens.Channel(host.WebAddress, token, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, new HttpClientHandler()),
            HttpVersion = HttpVersion.Version11,
        });

        var read = await new InspectionService.InspectionServiceClient(web).GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel);
        var otherRegion = await Assert.ThrowsAsync<RpcException>(() => new AggregationService.AggregationServiceClient(web)
            .ListRegionInspectionsAsync(new ListRegionInspectionsRequest { Region = "Wales" }, cancellationToken: Cancel).ResponseAsync);
        var write = await Assert.ThrowsAsync<RpcException>(() => new InspectionService.InspectionServiceClient(grpc)
            .RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c1", 1)), cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(id, read.InspectionId);
        Assert.Equal(StatusCode.PermissionDenied, otherRegion.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, write.StatusCode);
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
        Assert.Equal(0, (await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel)).Results.Cases);
    }

    [Theory]
    [InlineData("ratinggrid.write", "ratinggrid.write")]
    [InlineData("ratinggrid.admin", "ratinggrid.admin")]
    public async Task The_development_sign_in_grants_no_scope_that_changes_anything(string scope, string named)
    {
        using var web = Web();
        using var refused = await web.PostAsync(new Uri("development/sign-in", UriKind.Relative), JsonContent.Create(new { regions = EveryRegion, scopes = new[] { scope } }), Cancel);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Cancel));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"'{named}' cannot be granted", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0, "Choose a region")]
    [InlineData("", 1, "Choose a region")] // a blank region
    [InlineData("x", 129, "give at most 128")] // a name of 129 characters
    [InlineData("", 65, "at most 64 regions")]
    public async Task A_sign_in_without_a_region_or_with_an_overlong_name_is_refused_with_a_reason(string name, int size, string reason)
    {
        var request = name.Length == 0
            ? (object)new { regions = Enumerable.Range(0, size).Select(i => size == 1 ? " " : $"region {i}").ToArray() }
            : new { name = new string('x', size), regions = EveryRegion };
        using var web = Web();
        using var refused = await web.PostAsync(new Uri("development/sign-in", UriKind.Relative), JsonContent.Create(request), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(reason, await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    private async Task<(string Token, DateTimeOffset ExpiresAt)> SignInAsync(string[] regions, string[] scopes)
    {
        using var web = Web();
        using var response = await web.PostAsync(new Uri("development/sign-in", UriKind.Relative), JsonContent.Create(new { name = "reader", regions, scopes }), Cancel);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return (body.RootElement.GetProperty("token").GetString()!, body.RootElement.GetProperty("expiresAt").GetDateTimeOffset());
    }
}
