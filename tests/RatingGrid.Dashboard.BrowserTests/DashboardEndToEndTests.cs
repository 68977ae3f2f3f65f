using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Microsoft.Playwright;
using RatingGrid.Contracts.V1;
using RatingGrid.Security;
using RatingGrid.Testing;

namespace RatingGrid.Dashboard.BrowserTests;

/// <summary>The dashboard in a real headless Chromium against a real host on Azurite, signed in as a person would.</summary>
public sealed partial class DashboardEndToEndTests(DashboardHostFixture host) : IClassFixture<DashboardHostFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signed_in_the_inspection_page_reads_redcar_as_published_and_shows_a_judgement_streamed_while_it_is_open()
    {
        var id = await DemoAsync();
        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = browser.Page;

        // Not signed in: the page sends the person to sign in, then back to the inspection.
        await page.GotoAsync($"{host.WebAddress}/inspections/{id}");
        await Assertions.Expect(page.Locator("form[data-sign-in]")).ToBeVisibleAsync();
        await browser.CheckAsync("sign-in");
        await browser.SignInAsync("*", Scopes.National, Scopes.Unpublished);

        await Assertions.Expect(page.Locator("[data-overall]")).ToContainTextAsync("Score 5 / 21: Requires improvement");
        Assert.EndsWith($"/inspections/{id}", page.Url, StringComparison.Ordinal);
        Assert.Equal(Published(), await page.Locator("[data-percent]").AllTextContentsAsync());
        await browser.CheckAsync("inspection");

        // A judgement acknowledged through gRPC reaches the open page by its watch (the published
        // inspection is first opened for correction, the only way it changes).
        await host.Inspections.CorrectInspectionAsync(new CorrectInspectionRequest { InspectionId = id, Reason = "e2e: a case left out" }, cancellationToken: Cancel);
        var cell = page.Locator("[data-key-question='P2.1.S'] [data-percent]");
        var before = await cell.TextContentAsync();
        var safety = new Judgement { CaseId = "e2e-1", Revision = 1, CaseType = "community" };
        safety.Answers.Add(new KeyQuestionAnswer { KeyQuestionId = "P2.1.S", Answer = Answer.Yes });
        await host.Inspections.RecordJudgementsAsync(new RecordJudgementsRequest { InspectionId = id, Judgements = { safety }, Actor = "e2e" }, cancellationToken: Cancel);
        var acknowledged = Stopwatch.StartNew();
        await Assertions.Expect(cell).Not.ToHaveTextAsync(before!);
        TestContext.Current.TestOutputHelper?.WriteLine($"acknowledged judgement shown on the open page after {acknowledged.ElapsedMilliseconds} ms");
        Assert.Equal("31%", await cell.TextContentAsync()); // 14 / 45
        await Assertions.Expect(page.Locator("[data-breakdowns] [data-slice]").First).ToBeVisibleAsync();

        // The judgement's case, through the page's case lookup: its audit trail.
        await page.Locator("#case-id").FillAsync("e2e-1");
        await page.Locator("[data-case-lookup] button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-revision='1']")).ToContainTextAsync("tester"); // the writing token's subject
        await Assertions.Expect(page.Locator("[data-revision='1'] [data-judgement]")).ToHaveTextAsync("community: P2.1.S yes");
        await browser.CheckAsync("case-history");

        // The region and the nation, as the same person sees them.
        await page.GotoAsync($"{host.WebAddress}/regions/North%20East");
        await Assertions.Expect(page.Locator($"[data-pdu='redcar-cleveland-middlesbrough']")).ToContainTextAsync(id);
        await browser.CheckAsync("region");
        await page.GotoAsync($"{host.WebAddress}/nation");
        await Assertions.Expect(page.Locator("[data-region='North East'] [data-count]")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("[data-chart=overall]")).ToBeVisibleAsync();
        await browser.CheckAsync("nation");
        await page.GotoAsync(host.WebAddress);
        await Assertions.Expect(page.Locator("[data-regions] a")).ToHaveCountAsync(12);
        await browser.CheckAsync("home");
    }

    [Fact]
    public async Task A_person_bound_to_one_region_reaches_neither_another_regions_pages_nor_its_data()
    {
        var id = await DemoAsync(); // Redcar, in the North East
        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = browser.Page;
        await page.GotoAsync($"{host.WebAddress}/sign-in");
        await browser.SignInAsync("London", Scopes.Unpublished);

        await Assertions.Expect(page.Locator("[data-regions] a")).ToHaveTextAsync(["London"]);
        foreach (var address in new[] { "regions/North%20East", $"inspections/{id}", "nation" })
        {
            await page.GotoAsync($"{host.WebAddress}/{address}");
            await Assertions.Expect(page.Locator("[role=alert]")).ToHaveAttributeAsync("data-problem", "Refused");
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Redcar");
        }

        await browser.CheckAsync("refused");
        await page.GotoAsync($"{host.WebAddress}/regions/London");
        await Assertions.Expect(page.Locator("[data-empty]")).ToBeVisibleAsync();

        // The token the page holds gets none of the North East's data by any read rpc either.
        var token = await page.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('ratinggrid.token')).Token");
        using var channel = GrpcChannel.ForAddress(host.WebAddress, new GrpcChannelOptions { HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, new HttpClientHandler()), HttpVersion = HttpVersion.Version11 });
        var aggregation = new AggregationService.AggregationServiceClient(channel);
        var inspections = new InspectionService.InspectionServiceClient(channel);
        var bearer = new Metadata { { "authorization", $"Bearer {token}" } };
        var refusals = new[]
        {
            await Assert.ThrowsAsync<RpcException>(() => aggregation.ListRegionInspectionsAsync(new ListRegionInspectionsRequest { Region = "North East" }, bearer, cancellationToken: Cancel).ResponseAsync),
            await Assert.ThrowsAsync<RpcException>(() => aggregation.GetRegionReportAsync(new ReportRequest { Region = "North East" }, bearer, cancellationToken: Cancel).ResponseAsync),
            await Assert.ThrowsAsync<RpcException>(() => inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, bearer, cancellationToken: Cancel).ResponseAsync),
            await Assert.ThrowsAsync<RpcException>(() => aggregation.GetNationReportAsync(new ReportRequest(), bearer, cancellationToken: Cancel).ResponseAsync),
        };
        Assert.All(refusals, r => Assert.Equal(StatusCode.PermissionDenied, r.StatusCode));
    }

    [Fact]
    public async Task A_token_the_service_no_longer_accepts_leads_back_to_sign_in_not_to_a_broken_page()
    {
        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = browser.Page;
        await page.GotoAsync($"{host.WebAddress}/sign-in");
        await browser.SignInAsync("*", Scopes.National);
        await Assertions.Expect(page.Locator("[data-regions] a")).ToHaveCountAsync(12);

        // A token that expired an hour ago (the page still believes in it, as after a sleeping laptop's clock).
        var expired = TestTokens.Mint(new TokenRequest("e2e", [Scopes.Read, Scopes.National], [TokenClaims.AllRegions], TimeSpan.FromMinutes(5)), DateTimeOffset.UtcNow.AddHours(-1));
        var kept = JsonSerializer.Serialize(new { Token = expired, ExpiresAt = DateTimeOffset.UtcNow.AddHours(1) });
        await page.EvaluateAsync("t => sessionStorage.setItem('ratinggrid.token', t)", kept);
        await page.GotoAsync($"{host.WebAddress}/nation");

        await Assertions.Expect(page.Locator("form[data-sign-in]")).ToBeVisibleAsync();
        Assert.EndsWith("/sign-in?return=nation", page.Url, StringComparison.Ordinal);
        await browser.SignInAsync("*", Scopes.National);
        await Assertions.Expect(page.Locator("[data-chart=overall], [data-empty]").First).ToBeVisibleAsync();
        Assert.EndsWith("/nation", page.Url, StringComparison.Ordinal);

        // Signing out forgets the token: the next page asks for sign-in again.
        await page.GetByText("Sign out").ClickAsync();
        await Assertions.Expect(page.Locator("form[data-sign-in]")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('ratinggrid.token')"));
    }

    private async Task<string> DemoAsync()
    {
        var demo = await CommandLine.RunAsync($"http://127.0.0.1:{host.GrpcPort}", "demo");
        Assert.True(demo.Exit == 0, demo.Err);
        var match = DemoInspection().Match(demo.Out);
        Assert.True(match.Success, demo.Out);
        return match.Groups[1].Value;
    }

    // The twelve key-question percentages of the published Redcar report, in the report's order.
    private static List<string> Published()
    {
        using var fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(AzuriteProcess.RepositoryRoot(), "..", "shared", "fixtures", "redcar-2025.json")));
        return [.. fixture.RootElement.GetProperty("key_questions").EnumerateObject().Select(k => $"{k.Value.GetProperty("published_percent").GetInt32()}%")];
    }

    [GeneratedRegex(@"inspection\s+(demo-redcar-\d+)")]
    private static partial Regex DemoInspection();
}
