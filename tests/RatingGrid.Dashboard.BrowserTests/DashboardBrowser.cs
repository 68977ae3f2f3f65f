using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using RatingGrid.Testing;

namespace RatingGrid.Dashboard.BrowserTests;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright through its executable path (no browser
/// download), with the checks every page gets: a screenshot kept with the test results, and axe-core
/// (WCAG 2.2 AA rules) finding no serious or critical violation.
/// </summary>
internal sealed class DashboardBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private DashboardBrowser(IPlaywright playwright, IBrowser browser, IPage page) => (_playwright, _browser, Page) = (playwright, browser, page);

    public IPage Page { get; }

    /// <summary>
    /// Every navigation starts the .NET WebAssembly runtime afresh: about 3 s on an idle 2-core box,
    /// several times that while CI runs the other test assemblies beside it. Waits are for the page
    /// to reach a state, not timings; the 1 s update target is measured by the dashboard benchmark.
    /// </summary>
    private const float PageWaitMilliseconds = 60_000;

    public static async Task<DashboardBrowser> LaunchAsync()
    {
        Assertions.SetDefaultExpectTimeout(PageWaitMilliseconds);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(PageWaitMilliseconds);
        page.Console += (_, message) => TestContext.Current.TestOutputHelper?.WriteLine($"console: {message.Text}");
        return new DashboardBrowser(playwright, browser, page);
    }

    /// <summary>Fills the development sign-in: a region ("*": every region) and the scopes beyond reading.</summary>
    public async Task SignInAsync(string region, params string[] scopes)
    {
        var form = Page.Locator("form[data-sign-in]");
        await form.Locator("#name").FillAsync("e2e reader");
        await form.Locator("#region").SelectOptionAsync(region);
        foreach (var (id, scope) in new[] { ("#scope-national", "ratinggrid.national"), ("#scope-unpublished", "ratinggrid.unpublished"), ("#scope-embargoed", "ratinggrid.embargoed") })
        {
            await form.Locator(id).SetCheckedAsync(scopes.Contains(scope));
        }

        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(form).ToHaveCountAsync(0);
    }

    /// <summary>A full-page screenshot named <paramref name="name"/>, and axe-core over the page as it is.</summary>
    public async Task CheckAsync(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AzuriteProcess.RepositoryRoot(), "TestResults", "screenshots"));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder.FullName, $"{name}.png"), FullPage = true });
        var axe = await Page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{name}: {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => $"{n.Html} ({string.Join("; ", n.Any.Select(c => c.Message))})"))}").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
