using Microsoft.Playwright;

namespace RatingGrid.Dashboard.Benchmarks;

/// <summary>
/// A signed-in person's load of one page in headless Chromium: the time to the first contentful
/// paint, checked to hold the given element (the figures, not a placeholder), and the bytes that
/// crossed the wire. Cold: a fresh browser profile, signed in without loading any page (so nothing
/// is cached); warm: the same page again in that tab, once the first has started.
/// </summary>
internal static class PageLoad
{
    private const string Started = "body.govuk-frontend-supported";

    public static async Task<LoadResult> MeasureAsync(IBrowser browser, string pagesAddress, string path, string figures, int loads)
    {
        var cold = new List<double>();
        var warm = new List<double>();
        var answered = new List<double>();
        var rendered = new List<double>();
        LoadBytes? coldBytes = null;
        LoadBytes? warmBytes = null;
        for (var i = 0; i < loads; i++)
        {
            await using var context = await browser.NewContextAsync();
            await SignInAsync(context, pagesAddress, $"reader-{i}");
            var page = await context.NewPageAsync();
            var (coldTime, coldRendered, coldAnswered, coldLoad) = await LoadAsync(page, pagesAddress + path, figures);
            var (warmTime, warmRendered, warmAnswered, warmLoad) = await LoadAsync(page, pagesAddress + path, figures);
            await page.CloseAsync();
            answered.Add(coldAnswered);
            answered.Add(warmAnswered);
            rendered.Add(coldRendered);
            rendered.Add(warmRendered);
            cold.Add(coldTime);
            warm.Add(warmTime);
            (coldBytes, warmBytes) = (coldLoad, warmLoad);
        }

        return new LoadResult(cold, warm, coldBytes!, warmBytes!) { FirstByte = answered, Rendered = rendered };
    }

    // The session cookie goes into the browser profile; no page, style or script is loaded on the way.
    private static async Task SignInAsync(IBrowserContext context, string pagesAddress, string name)
    {
        var cookie = await WebSessions.SignInAsync(pagesAddress, name, CancellationToken.None);
        await context.AddCookiesAsync([.. cookie.Split("; ").Select(pair => pair.Split('=', 2)).Select(p => new Cookie { Name = p[0], Value = p[1], Url = pagesAddress })]);
    }

    private static async Task<(double Painted, double Rendered, double Answered, LoadBytes Bytes)> LoadAsync(IPage page, string address, string figures)
    {
        var responses = new List<IResponse>();
        // The live part's feed never ends, so it has no size: counted apart from the load.
        void Keep(object? sender, IResponse response)
        {
            if (response.Request.ResourceType != "eventsource")
            {
                responses.Add(response);
            }
        }

        page.Response += Keep;
        await page.GotoAsync(address, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        // The paint first, read in the page's own world: a locator would first install Playwright's
        // script in the page, work for the same cores while the measured frame is being drawn.
        var paint = await page.EvaluateAsync<double[]>(
            "() => new Promise(done => { const seen = () => performance.getEntriesByName('first-contentful-paint')[0]; " +
            "const answer = e => done([e.startTime, e.paintTime ?? e.startTime]); " +
            "const e = seen(); if (e) { answer(e); return; } new PerformanceObserver(() => { if (seen()) { answer(seen()); } }).observe({ type: 'paint', buffered: true }); })");
        await page.Locator(figures).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var answered = await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].responseStart");
        // Rendered on the server: the figures came in the response the first paint drew, not later.
        var inFirstResponse = await responses.First(r => r.Request.ResourceType == "document").TextAsync();
        if (!inFirstResponse.Contains("<table", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{address}: the first response holds no table");
        }

        // Everything the page loads, its scripts too (they start after the first paint): counted once
        // they have run (app.js marks the body). So a warm load also begins after the first has started,
        // as a person's would, not while its scripts are still starting.
        await page.Locator(Started).WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var sized = new List<(string Path, long Bytes)>();
        foreach (var response in responses.ToList())
        {
            var sizes = await response.Request.SizesAsync();
            sized.Add((new Uri(response.Url).AbsolutePath, sizes.ResponseBodySize + sizes.ResponseHeadersSize));
        }

        var encodings = responses.Select(r => r.Headers.TryGetValue("content-encoding", out var e) ? e : "none").Distinct().Order().ToList();
        page.Response -= Keep;
        return (paint[0], paint[1], answered, new LoadBytes(responses.Count, sized.Sum(s => s.Bytes), [.. sized.OrderByDescending(s => s.Bytes)], encodings));
    }
}
