using Microsoft.Playwright;
using RatingGrid.Security;

namespace RatingGrid.Web.BrowserTests;

/// <summary>
/// Sign-in on the server: the browser holds an HttpOnly session cookie and nothing else (no token in
/// any storage, cookie value or page), every response carries the security headers, and signing
/// out ends the session.
/// </summary>
public sealed class SessionTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task No_token_or_session_value_is_readable_by_page_script_or_sent_in_a_page()
    {
        await using var browser = await WebBrowser.LaunchAsync();
        var page = browser.Page;
        await browser.SignInAtAsync(web.PagesAddress, null, "*", Scopes.National);
        await page.GotoAsync($"{web.PagesAddress}/nation");
        await Assertions.Expect(page.Locator("[data-chart=overall], [data-empty]").First).ToBeVisibleAsync();

        Assert.Equal("", await page.EvaluateAsync<string>("() => document.cookie"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length"));
        var cookies = await browser.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "ratinggrid.session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        Assert.All(cookies, c => Assert.True(c.HttpOnly, $"cookie {c.Name} is readable by script"));
        // A session key, not a token: no JSON Web Token anywhere the browser was given.
        Assert.All(cookies, c => Assert.DoesNotContain("eyJ", c.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("eyJ", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_carries_a_policy_without_inline_or_eval_never_framed_and_no_sniffing()
    {
        using var http = new HttpClient();
        foreach (var address in new[] { "sign-in", "js/live.js", "not-a-page" })
        {
            using var response = await http.GetAsync(new Uri($"{web.PagesAddress}/{address}"), TestContext.Current.CancellationToken);
            var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_changes_nothing_and_is_sent_to_a_fresh_sign_in()
    {
        await using var browser = await WebBrowser.LaunchAsync(script: false);
        var page = browser.Page;
        await browser.SignInAtAsync(web.PagesAddress, "/nation", "*", Scopes.National);

        // Posted as another site (or a page left open across a restart) would: no token, or a wrong one.
        foreach (var (address, fields) in new[] { ("sign-out", ""), ("sign-out", "__RequestVerificationToken=forged"), ("sign-in", "name=intruder&region=&scope=ratinggrid.national") })
        {
            var answer = await page.APIRequest.PostAsync($"{web.PagesAddress}/{address}", new APIRequestContextOptions
            {
                Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
                Data = fields,
                MaxRedirects = 0,
            });
            Assert.True(answer.Status == 302, $"{address} with '{fields}' answered {answer.Status}");
            Assert.EndsWith("/sign-in?form=not-accepted", answer.Headers["location"], StringComparison.Ordinal);
        }

        // Still signed in as before (the sign-out changed nothing), and the sign-in page says why.
        await page.GotoAsync($"{web.PagesAddress}/nation");
        await Assertions.Expect(page.Locator("form[data-sign-out]")).ToBeVisibleAsync();
        await page.GotoAsync($"{web.PagesAddress}/sign-in?form=not-accepted");
        await Assertions.Expect(page.Locator("[data-problem=FormNotAccepted]")).ToContainTextAsync("changed nothing");
        Assert.DoesNotContain(web.Web.Output, line => line.StartsWith("fail:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_the_next_page_asks_for_sign_in_again()
    {
        await using var browser = await WebBrowser.LaunchAsync(script: false);
        var page = browser.Page;
        await browser.SignInAtAsync(web.PagesAddress, "/nation", "*", Scopes.National);
        Assert.EndsWith("/nation", page.Url, StringComparison.Ordinal);
        var session = (await browser.Context.CookiesAsync()).Single(c => c.Name == "ratinggrid.session").Value;

        await page.Locator("form[data-sign-out] button").ClickAsync();
        await Assertions.Expect(page.Locator("form[data-sign-in]")).ToBeVisibleAsync();
        await page.GotoAsync($"{web.PagesAddress}/nation");
        await Assertions.Expect(page.Locator("form[data-sign-in]")).ToBeVisibleAsync();

        // The old session's key, replayed, opens nothing: the session ended on the server.
        await browser.Context.AddCookiesAsync([new Cookie { Name = "ratinggrid.session", Value = session, Url = web.PagesAddress }]);
        await page.GotoAsync($"{web.PagesAddress}/nation");
        await Assertions.Expect(page.Locator("form[data-sign-in]")).ToBeVisibleAsync();
    }
}
