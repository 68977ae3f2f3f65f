using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RatingGrid.Testing;

namespace RatingGrid.Dashboard.BrowserTests;

/// <summary>
/// The dashboard's production sign-in in headless Chromium: OpenID Connect (code flow with PKCE,
/// through Microsoft.AspNetCore.Components.WebAssembly.Authentication) at the authority the host
/// trusts, and the access token it returns on every gRPC-Web call.
/// </summary>
public sealed partial class DashboardOidcTests(OidcDashboardHostFixture host) : IClassFixture<OidcDashboardHostFixture>
{
    [Fact]
    public async Task A_person_signs_in_at_the_authority_and_reads_an_inspection_of_their_region_and_no_other()
    {
        var writer = host.Provider.AccessToken("ratinggrid.admin ratinggrid.write ratinggrid.read ratinggrid.unpublished");
        var demo = await CommandLine.RunAsync($"http://127.0.0.1:{host.GrpcPort}", "demo", "--token", writer);
        Assert.True(demo.Exit == 0, demo.Err);
        var id = DemoInspection().Match(demo.Out).Groups[1].Value;
        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = browser.Page;

        // Not signed in: to the authority and back, then on to the page asked for.
        await page.GotoAsync($"{host.WebAddress}/inspections/{id}");

        await Assertions.Expect(page.Locator("[data-overall]")).ToContainTextAsync("Score 5 / 21: Requires improvement");
        Assert.EndsWith($"/inspections/{id}", page.Url, StringComparison.Ordinal);
        await browser.CheckAsync("oidc-inspection");

        // The authority bound the person to the North East: London is refused by the service.
        await page.GotoAsync($"{host.WebAddress}/regions/London");
        await Assertions.Expect(page.Locator("[role=alert]")).ToHaveAttributeAsync("data-problem", "Refused");

        // Signing out goes through the authority's end-session endpoint and back.
        await page.GetByText("Sign out").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/authentication/logged-out$"));
    }

    [GeneratedRegex(@"inspection\s+(demo-redcar-\d+)")]
    private static partial Regex DemoInspection();
}
