using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RatingGrid.Web.BrowserTests;

/// <summary>
/// Production's sign-in in Chromium: the OpenID Connect code flow with PKCE, the web app as a
/// confidential client; its access tokens, kept on the server, refreshed there as they expire; the
/// region the authority bound the person to, enforced by the service; sign-out ending the session
/// at the authority too.
/// </summary>
public sealed partial class OidcTests(OidcWebFixture web) : IClassFixture<OidcWebFixture>
{
    [Fact]
    public async Task A_person_signs_in_at_the_authority_reads_their_region_only_stays_signed_in_as_tokens_refresh_and_signs_out_there()
    {
        var writer = web.Provider.AccessToken("ratinggrid.admin ratinggrid.write ratinggrid.read ratinggrid.unpublished ratinggrid.national");
        var id = await Demo.RunAsync(web.GrpcPort, "--token", writer);
        await using var browser = await WebBrowser.LaunchAsync();
        var page = browser.Page;
        var refreshed = web.Provider.Refreshes;

        // Not signed in: to the authority and back, then on to the page asked for.
        await page.GotoAsync($"{web.PagesAddress}/inspections/{id}");
        await Assertions.Expect(page.Locator("[data-overall]")).ToContainTextAsync("Score 5 / 21: Requires improvement");
        Assert.EndsWith($"/inspections/{id}", page.Url, StringComparison.Ordinal);
        await browser.CheckAsync("oidc-inspection");

        // Access tokens last 30 s, under the refresh margin: the pages are read with refreshed ones
        // (which request renews first, a page or its live feed, varies: they share the renewal).
        await page.GotoAsync($"{web.PagesAddress}/regions/North%20East");
        await Assertions.Expect(page.Locator("[data-pdu='redcar-cleveland-middlesbrough']")).ToContainTextAsync(id);
        Assert.True(web.Provider.Refreshes > refreshed, "the web app did not refresh an expiring access token; it said:" + Environment.NewLine + string.Join(Environment.NewLine, web.Web.Output.TakeLast(30)));

        // The authority bound the person to the North East: London is refused by the service.
        await page.GotoAsync($"{web.PagesAddress}/regions/London");
        await Assertions.Expect(page.Locator("[role=alert]")).ToHaveAttributeAsync("data-problem", "Refused");

        // Signing out goes through the authority's end-session endpoint and back.
        var ended = web.Provider.EndedSessions;
        await page.Locator("form[data-sign-out] button").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(SignedOut());
        Assert.Equal(ended + 1, web.Provider.EndedSessions);
        Assert.DoesNotContain(await browser.Context.CookiesAsync(), c => c.Name == "ratinggrid.session");
    }

    [GeneratedRegex("/signed-out$")]
    private static partial Regex SignedOut();
}
