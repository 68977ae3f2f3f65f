using Microsoft.Playwright;

namespace RatingGrid.Dashboard.Benchmarks;

/// <summary>
/// Debian's Chromium (by path), headless, as Playwright launches it; optionally without the
/// browser's own address-bar popup page.
/// </summary>
/// <remarks>
/// Chromium builds each new window's address-bar popup as a page of its own
/// (chrome://omnibox-popup.top-chrome, some 1,200 modules in a renderer of its own) while the window
/// opens. A cold load here needs a fresh profile, so a new window, and that page then loads on the
/// same two cores as the page measured, into the warm load after it (traced: docs/benchmarks.md). A
/// person's window opened long before their load, and headless Chromium has no address bar to show
/// the popup in.
/// </remarks>
internal static class HeadlessChromium
{
    private const string Executable = "/usr/bin/chromium";
    private const string DisableFeatures = "--disable-features=";
    private static readonly string[] AddressBarPopup = ["WebUIOmniboxPopup", "WebUIOmniboxFullPopup", "WebUIOmniboxAimPopup"];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(Options([]));

    public static async Task<IBrowser> LaunchWithoutAddressBarPopupAsync(IPlaywright playwright)
    {
        // Chromium keeps only the last --disable-features it is given, so the features Playwright
        // switches off are read from a first launch (which tells its command line only to
        // automation) and given again, with the popup's added.
        string[] playwrightDisables;
        await using (var probe = await playwright.Chromium.LaunchAsync(Options(["--enable-automation"])))
        {
            playwrightDisables = DisabledFeatures(await CommandLineAsync(probe));
        }

        if (playwrightDisables.Length == 0)
        {
            throw new InvalidOperationException("Playwright gave Chromium no --disable-features: read how it launches Chromium before adding one.");
        }

        return await playwright.Chromium.LaunchAsync(Options([DisableFeatures + string.Join(',', playwrightDisables.Concat(AddressBarPopup))]));
    }

    private static BrowserTypeLaunchOptions Options(string[] args) =>
        new() { ExecutablePath = Executable, Headless = true, Args = ["--no-sandbox", .. args] };

    private static async Task<string[]> CommandLineAsync(IBrowser browser)
    {
        var session = await browser.NewBrowserCDPSessionAsync();
        var answer = await session.SendAsync("Browser.getBrowserCommandLine");
        return [.. answer!.Value.GetProperty("arguments").EnumerateArray().Select(a => a.GetString() ?? "")];
    }

    // The last switch is the one Chromium applies.
    private static string[] DisabledFeatures(string[] commandLine) =>
        commandLine.LastOrDefault(a => a.StartsWith(DisableFeatures, StringComparison.Ordinal)) is { } last
            ? last[DisableFeatures.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries)
            : [];
}
