using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using RatingGrid.Contracts.V1;
using RatingGrid.Security;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>A host whose gRPC-Web port lets one origin's pages call it.</summary>
public sealed class GrpcWebHostFixture(Azurite azurite) : HostFixture(azurite)
{
    public const string Origin = "https://dashboard.test";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?> { ["Service:WebAllowedOrigins:0"] = Origin };
}

/// <summary>
/// Browsers call gRPC-Web over HTTP/1.1 on a port of its own: the read and watch rpcs, with the same
/// tokens, scopes, regions and visibility as gRPC; nothing that writes; CORS closed but for the
/// configured origins (a real host on Azurite, a real gRPC-Web client).
/// </summary>
public sealed class GrpcWebTests(GrpcWebHostFixture host) : IClassFixture<GrpcWebHostFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private GrpcChannel Web(string? token) => TestTokens.Channel(host.WebAddress, token, new GrpcChannelOptions
    {
        HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, new HttpClientHandler()),
        HttpVersion = HttpVersion.Version11,
    });

    [Fact]
    public async Task Reads_and_watches_answer_over_grpc_web_as_over_grpc()
    {
        var id = Requests.NewId("web");
        await host.Inspections.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        await host.Inspections.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c1", 1)), cancellationToken: Cancel);
        using var channel = Web(TestTokens.Everything("dashboard"));
        var web = new InspectionService.InspectionServiceClient(channel);

        var read = await web.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel);
        Assert.Equal(await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel), read);

        using var watch = web.WatchInspection(new WatchInspectionRequest { InspectionId = id }, cancellationToken: Cancel);
        Assert.True(await watch.ResponseStream.MoveNext(Cancel));
        var first = watch.ResponseStream.Current.Version;
        var ack = await host.Inspections.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c2", 1)), cancellationToken: Cancel);
        Assert.True(await watch.ResponseStream.MoveNext(Cancel));
        Assert.Equal(ack.Version, watch.ResponseStream.Current.Version);
        Assert.True(ack.Version > first);

        var report = await new AggregationService.AggregationServiceClient(channel).GetNationReportAsync(new ReportRequest(), cancellationToken: Cancel);
        Assert.True(report.IncludesUnpublished);
    }

    [Fact]
    public async Task Grpc_web_refuses_what_grpc_refuses_and_everything_that_writes()
    {
        var id = Requests.NewId("web");
        await host.Inspections.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        var before = await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel);

        using (var anonymous = Web(null))
        {
            await RefusedAsync(StatusCode.Unauthenticated, () => new InspectionService.InspectionServiceClient(anonymous).GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel).ResponseAsync);
        }

        using (var wales = Web(TestTokens.Mint(new TokenRequest("wales", [Scopes.Read, Scopes.Unpublished], ["Wales"], TimeSpan.FromHours(1)))))
        {
            await RefusedAsync(StatusCode.PermissionDenied, () => new InspectionService.InspectionServiceClient(wales).GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel).ResponseAsync);
        }

        using (var reader = Web(TestTokens.Mint(new TokenRequest("public", [Scopes.Read], ["*"], TimeSpan.FromHours(1)))))
        {
            await RefusedAsync(StatusCode.PermissionDenied, () => new InspectionService.InspectionServiceClient(reader).GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel).ResponseAsync);
        }

        using var everything = Web(TestTokens.Everything("dashboard"));
        var web = new InspectionService.InspectionServiceClient(everything);
        await RefusedAsync(StatusCode.Unimplemented, () => web.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c1", 1)), cancellationToken: Cancel).ResponseAsync);
        await RefusedAsync(StatusCode.Unimplemented, () => web.CloseInspectionAsync(new InspectionActionRequest { InspectionId = id }, cancellationToken: Cancel).ResponseAsync);
        await RefusedAsync(StatusCode.Unimplemented, () => new RegistryService.RegistryServiceClient(everything).AddRegionAsync(new AddRegionRequest { Region = "Through a browser" }, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(before, await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel));
        Assert.DoesNotContain("Through a browser", (await new RegistryService.RegistryServiceClient(host.Channel).ListRegionsAsync(new ListRegionsRequest(), cancellationToken: Cancel)).Regions);
    }

    [Theory]
    [InlineData(GrpcWebHostFixture.Origin, true)]
    [InlineData("https://elsewhere.test", false)]
    public async Task Only_the_configured_origins_pages_may_call(string origin, bool allowed)
    {
        using var http = new HttpClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"{host.WebAddress}/ratinggrid.v1.InspectionService/GetInspection");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,x-grpc-web,authorization");

        using var response = await http.SendAsync(preflight, Cancel);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins) && origins.Contains(origin));
    }

    private static async Task RefusedAsync(StatusCode code, Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, refused.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(refused.Status.Detail));
    }
}
