using System.Diagnostics;
using Microsoft.Playwright;
using RatingGrid.Contracts.V1;
using RatingGrid.Security;
using RatingGrid.Testing;

namespace RatingGrid.Web.BrowserTests;

/// <summary>
/// Every page of the web app in Chromium, with script and without: signed in through the
/// development sign-in, the real Redcar inspection reads as published, and each page's figures are
/// in the HTML the server sent; with script, an open page follows the service's changes.
/// </summary>
public sealed class PagesTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Signed_in_every_page_shows_its_figures_and_redcar_reads_as_published(bool script)
    {
        var id = await Demo.RunAsync(web.GrpcPort);
        await using var browser = await WebBrowser.LaunchAsync(script);
        var page = browser.Page;

        // Not signed in: to the sign-in, then back to the page asked for.
        await page.GotoAsync($"{web.PagesAddress}/inspections/{id}");
        await Assertions.Expect(page.Locator("form[data-sign-in]")).ToBeVisibleAsync();
        await browser.CheckAsync("sign-in");
        await browser.SignInAsync("*", Scopes.National, Scopes.Unpublished);

        Assert.EndsWith($"/inspections/{id}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-overall]")).ToContainTextAsync("Score 5 / 21: Requires improvement");
        Assert.Equal(Demo.PublishedPercentages(), await page.Locator("[data-percent]").AllTextContentsAsync());
        await Assertions.Expect(page.Locator("[data-breakdowns] [data-slice]").First).ToBeVisibleAsync();
        await browser.CheckAsync("inspection");

        // The case lookup, a plain GET form: the case's history at its own address.
        await page.Locator("#case-id").FillAsync(Demo.RedcarCase);
        await page.Locator("[data-case-lookup] button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-revision='1']")).ToContainTextAsync("tester");
        Assert.EndsWith($"/inspections/{id}/cases/{Demo.RedcarCase}", page.Url, StringComparison.Ordinal);
        await browser.CheckAsync("case-history");

        await page.GotoAsync($"{web.PagesAddress}/regions/North%20East");
        await Assertions.Expect(page.Locator("[data-pdu='redcar-cleveland-middlesbrough']")).ToContainTextAsync(id);
        await Assertions.Expect(page.Locator("[data-from-report]").First).ToContainTextAsync("From the published report");
        await browser.CheckAsync("region");

        await page.GotoAsync($"{web.PagesAddress}/nation");
        await Assertions.Expect(page.Locator("[data-region='North East'] [data-count]")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("[data-chart=overall]")).ToBeVisibleAsync();
        await browser.CheckAsync("nation");

        // A period chosen in the form is the page's address.
        await page.Locator("#from").FillAsync("2023-01-01");
        await page.Locator("#to").FillAsync("2025-12-31");
        await page.Locator("[data-report-choice] button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-picture]")).ToContainTextAsync("Every inspection with its publication from 2023-01-01 to 2025-12-31");
        Assert.Contains("from=2023-01-01", page.Url, StringComparison.Ordinal);

        await page.GotoAsync(web.PagesAddress);
        await Assertions.Expect(page.Locator("[data-regions] a")).ToHaveCountAsync(12);
        await browser.CheckAsync("home");
    }

    [Fact]
    public async Task A_judgement_recorded_through_grpc_appears_on_the_open_page_and_is_announced()
    {
        var id = await Demo.RunAsync(web.GrpcPort);
        await using var browser = await WebBrowser.LaunchAsync();
        var page = browser.Page;
        await browser.SignInAtAsync(web.PagesAddress, $"/inspections/{id}", "*", Scopes.National, Scopes.Unpublished);
        var cell = page.Locator("[data-key-question='P2.1.S'] [data-percent]");
        var before = await cell.TextContentAsync();

        var clock = Stopwatch.StartNew();
        await CorrectAndRecordASafeCaseAsync(id, "e2e-1");

        await Assertions.Expect(cell).Not.ToHaveTextAsync(before!);
        TestContext.Current.TestOutputHelper?.WriteLine($"acknowledged judgement shown on the open page after {clock.ElapsedMilliseconds} ms");
        Assert.Equal("31%", await cell.TextContentAsync()); // 14 / 45
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync("Fieldwork");
        await Assertions.Expect(page.Locator("[data-live-status]")).ToHaveTextAsync("The figures on this page have changed.");
        Assert.Empty(browser.PolicyViolations);
    }

    [Fact]
    public async Task With_script_a_link_is_followed_without_a_new_document_and_the_page_it_shows_stays_live()
    {
        var id = await Demo.RunAsync(web.GrpcPort);
        await using var browser = await WebBrowser.LaunchAsync();
        var page = browser.Page;
        await browser.SignInAtAsync(web.PagesAddress, "/regions/North%20East", "*", Scopes.National, Scopes.Unpublished);

        // The scripts start after the figures are on screen (boot.js), then Blazor's enhanced
        // navigation fetches the next page and patches it in: the document, and this mark, stay.
        await Assertions.Expect(page.Locator("body.govuk-frontend-supported")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        await page.Locator($"[data-pdu='redcar-cleveland-middlesbrough'] a[href='inspections/{id}']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-overall]")).ToContainTextAsync("Score 5 / 21: Requires improvement");
        Assert.EndsWith($"/inspections/{id}", page.Url, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the link loaded a new document: enhanced navigation did not take it");

        // The page reached that way follows its own live feed.
        var cell = page.Locator("[data-key-question='P2.1.S'] [data-percent]");
        await CorrectAndRecordASafeCaseAsync(id, "e2e-nav");
        await Assertions.Expect(cell).ToHaveTextAsync("31%"); // 14 / 45
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        Assert.Empty(browser.PolicyViolations);

        // Both pages' feeds (the region's, left by the link, and this one's) end quietly: a page
        // closing is no failure of the web app's (it was logged as one, with a stack, per page).
        await page.CloseAsync();
        await Eventually.Until(() => Task.FromResult(web.Web.Output.Count(line => line.Contains("A live feed ended", StringComparison.Ordinal))), ended => ended >= 2, Cancel);
        Assert.DoesNotContain(web.Web.Output, line => line.StartsWith("fail:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_person_bound_to_one_region_reaches_neither_another_regions_pages_nor_its_live_figures(bool script)
    {
        var id = await Demo.RunAsync(web.GrpcPort); // Redcar, in the North East
        await using var browser = await WebBrowser.LaunchAsync(script);
        var page = browser.Page;
        await browser.SignInAtAsync(web.PagesAddress, null, "London", Scopes.Unpublished);

        await Assertions.Expect(page.Locator("[data-regions] a")).ToHaveTextAsync(["London"]);
        foreach (var address in new[] { "regions/North%20East", $"inspections/{id}", "nation" })
        {
            await page.GotoAsync($"{web.PagesAddress}/{address}");
            await Assertions.Expect(page.Locator("[role=alert]")).ToHaveAttributeAsync("data-problem", "Refused");
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Redcar");
        }

        await browser.CheckAsync("refused");

        // The live feeds, asked directly with the person's session, refuse too: a problem, never figures.
        foreach (var feed in new[] { "live/regions/North%20East", $"live/inspections/{id}", "live/nation" })
        {
            var answer = await page.APIRequest.GetAsync($"{web.PagesAddress}/{feed}", new APIRequestContextOptions { Timeout = 10_000 });
            var body = await answer.TextAsync();
            Assert.Contains("event: problem", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Redcar", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_inspection_or_case_that_is_not_there_answers_404_saying_what_the_service_found_missing()
    {
        var id = await Demo.RunAsync(web.GrpcPort);
        await using var browser = await WebBrowser.LaunchAsync(script: false);
        var page = browser.Page;
        await browser.SignInAtAsync(web.PagesAddress, null, "*", Scopes.National, Scopes.Unpublished);

        var noInspection = await page.GotoAsync($"{web.PagesAddress}/inspections/no-such-inspection-2025");
        Assert.Equal(404, noInspection!.Status);
        await Assertions.Expect(page.Locator("[role=alert]")).ToHaveAttributeAsync("data-problem", "NotFound");
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("There is no inspection");
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("'no-such-inspection-2025' has not been opened");
        await browser.CheckAsync("not-found-inspection");

        var noCase = await page.GotoAsync($"{web.PagesAddress}/inspections/{id}/cases/no-such-case");
        Assert.Equal(404, noCase!.Status);
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("There is no case");
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("has no case 'no-such-case'");

        // An address that is no page at all says only that.
        var nowhere = await page.GotoAsync($"{web.PagesAddress}/no-such-page");
        Assert.Equal(404, nowhere!.Status);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("There is no page at this address");
        await Assertions.Expect(page.Locator("[role=alert]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task With_script_every_file_a_page_loads_is_at_a_fingerprinted_address()
    {
        await using var browser = await WebBrowser.LaunchAsync(script: true);
        var page = browser.Page;
        await browser.SignInAtAsync(web.PagesAddress, "/regions/North%20East", "*", Scopes.National);
        await Assertions.Expect(page.Locator("body.govuk-frontend-supported")).ToHaveCountAsync(1);

        // Styles, scripts and the modules they import: a fingerprinted address is cached for good
        // where the web app is published; a plain one is asked for again on every load.
        var files = await page.EvaluateAsync<string[]>(
            "() => performance.getEntriesByType('resource').filter(e => e.initiatorType !== 'other').map(e => new URL(e.name).pathname)");
        Assert.Contains(files, f => f.StartsWith("/lib/govuk-frontend.min.", StringComparison.Ordinal) && f.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("/js/live.", StringComparison.Ordinal));
        Assert.All(files, f => Assert.Matches(@"\.[a-z0-9]{10}\.(js|css|svg)$", f));
    }

    // The published inspection changes only by a correction, then a judgement through gRPC: a case
    // whose safety key question (P2.1.S) is answered yes, which moves its percentage to 31% (14 / 45).
    private async Task CorrectAndRecordASafeCaseAsync(string id, string caseId)
    {
        await web.Inspections.CorrectInspectionAsync(new CorrectInspectionRequest { InspectionId = id, Reason = "e2e: a case left out" }, cancellationToken: Cancel);
        var safety = new Judgement { CaseId = caseId, Revision = 1, CaseType = "community" };
        safety.Answers.Add(new KeyQuestionAnswer { KeyQuestionId = "P2.1.S", Answer = Answer.Yes });
        await web.Inspections.RecordJudgementsAsync(new RecordJudgementsRequest { InspectionId = id, Judgements = { safety }, Actor = "e2e" }, cancellationToken: Cancel);
    }
}
