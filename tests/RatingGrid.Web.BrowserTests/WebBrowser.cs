using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using RatingGrid.Testing;

namespace RatingGrid.Web.BrowserTests;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright through its executable path (no browser
/// download), with script on or off, and the checks every page gets: a screenshot kept with the
/// test results, axe-core (WCAG 2.2 AA rules) finding no serious or critical violation (with script
/// only: axe is itself a script), and no Content-Security-Policy violation reported.
/// </summary>
internal sealed class WebBrowser : IAsyncDisposable
{
    private const float PageWaitMilliseconds = 30_000;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _console = [];
    private readonly List<string> _missing = [];

    private WebBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, bool script) =>
        (_playwright, _browser, Context, Page, Script) = (playwright, browser, context, page, script);

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public bool Script { get; }

    /// <summary>The page's own files (styles, scripts, images) that did not load.</summary>
    public IReadOnlyList<string> MissingFiles
    {
        get
        {
            lock (_missing)
            {
                return [.. _missing];
            }
        }
    }

    /// <summary>What the browser reported refusing under the page's Content-Security-Policy.</summary>
    public IReadOnlyList<string> PolicyViolations => [.. _console.Where(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))];

    public static async Task<WebBrowser> LaunchAsync(bool script = true)
    {
        Assertions.SetDefaultExpectTimeout(PageWaitMilliseconds);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = script, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(PageWaitMilliseconds);
        var opened = new WebBrowser(playwright, browser, context, page, script);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType is "stylesheet" or "script" or "image" or "font")
            {
                lock (opened._missing)
                {
                    opened._missing.Add($"{response.Status} {response.Url}");
                }
            }
        };
        page.Console += (_, message) =>
        {
            lock (opened._console)
            {
                opened._console.Add(message.Text);
            }

            TestContext.Current.TestOutputHelper?.WriteLine($"console: {message.Text}");
        };
        return opened;
    }

    /// <summary>Opens the development sign-in (to come back to <paramref name="returnTo"/>, a path on the site, when given) and signs in as <see cref="SignInAsync"/> does.</summary>
    public async Task SignInAtAsync(string pagesAddress, string? returnTo, string region, params string[] scopes)
    {
        await Page.GotoAsync(returnTo is null ? $"{pagesAddress}/sign-in" : $"{pagesAddress}/sign-in?return={Uri.EscapeDataString(returnTo)}");
        await SignInAsync(region, scopes);
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

    /// <summary>A full-page screenshot named <paramref name="name"/>, axe-core over the page as it is (with script), and no policy violation so far.</summary>
    public async Task CheckAsync(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AzuriteProcess.RepositoryRoot(), "TestResults", "screenshots"));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder.FullName, $"{name}{(Script ? "" : "-no-script")}.png"), FullPage = true });
        Assert.Empty(PolicyViolations);
        lock (_console)
        {
            Assert.DoesNotContain(_console, m => m.Contains("Failed to load module script", StringComparison.OrdinalIgnoreCase));
        }

        Assert.Empty(MissingFiles);

        // The page's own styles arrived (GOV.UK Frontend sets headings in Arial, the browser would in its default serif).
        Assert.Contains("arial", await Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1') ?? document.body).fontFamily.toLowerCase()"), StringComparison.Ordinal);
        // The served GOV.UK styles are cut to the components the web app names (TrimGovukStyles): every
        // govuk- class on the page that the full stylesheet styles is styled by the served one too.
        var classes = await Page.EvaluateAsync<string[]>(
            "() => [...new Set([...document.querySelectorAll('[class]')].flatMap(e => [...e.classList]).filter(c => c.startsWith('govuk-')))]");
        var served = await Page.EvaluateAsync<string>(
            "() => { const all = rules => [...rules].flatMap(r => [r.selectorText ?? '', ...all(r.cssRules ?? [])]); return [...document.styleSheets].flatMap(s => all(s.cssRules)).join('\\n'); }");
        var unstyled = classes.Where(c => Styles(FullGovukStyles.Value, c) && !Styles(served, c)).ToList();
        Assert.True(unstyled.Count == 0, $"{name}: GOV.UK classes whose rules were trimmed away: {string.Join(", ", unstyled)}");

        if (Script)
        {
            var axe = await Page.RunAxe();
            var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{name}: {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => $"{n.Html} ({string.Join("; ", n.Any.Select(c => c.Message))})"))}").ToList();
            Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
        }
    }

    private static readonly Lazy<string> FullGovukStyles = new(() => File.ReadAllText(Path.Combine(
        AzuriteProcess.RepositoryRoot(), "tools", "govuk-frontend", "node_modules", "govuk-frontend", "dist", "govuk", "govuk-frontend.min.css")));

    // Whether a selector in the stylesheet names the class (".govuk-!-x" is written ".govuk-\\!-x" in CSS).
    private static bool Styles(string stylesheet, string cssClass) =>
        System.Text.RegularExpressions.Regex.IsMatch(stylesheet, "\\." + System.Text.RegularExpressions.Regex.Escape(cssClass).Replace("!", "\\\\?!", StringComparison.Ordinal) + "(?![A-Za-z0-9_-])");

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
