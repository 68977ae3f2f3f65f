using System.Diagnostics;
using Microsoft.Playwright;

namespace RatingGrid.Dashboard.Benchmarks;

/// <summary>
/// The dashboard's first load in headless Chromium, until the sign-in form is shown (the app has
/// booted, asked the host how to sign in and what it offers): cold, in a fresh browser profile each
/// time; warm, again in the profile the cold load filled. Counts the bytes that crossed the wire.
/// </summary>
internal static class FirstLoad
{
    public static async Task<LoadResult> MeasureAsync(IBrowser browser, string address, int loads)
    {
        var cold = new List<double>();
        var warm = new List<double>();
        LoadBytes? coldBytes = null;
        LoadBytes? warmBytes = null;
        for (var i = 0; i < loads; i++)
        {
            await using var context = await browser.NewContextAsync();
            var (coldTime, coldLoad) = await LoadAsync(context, address);
            var (warmTime, warmLoad) = await LoadAsync(context, address);
            cold.Add(coldTime);
            warm.Add(warmTime);
            (coldBytes, warmBytes) = (coldLoad, warmLoad);
        }

        return new LoadResult(cold, warm, coldBytes!, warmBytes!);
    }

    private static async Task<(double Milliseconds, LoadBytes Bytes)> LoadAsync(IBrowserContext context, string address)
    {
        var page = await context.NewPageAsync();
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);
        var started = Stopwatch.StartNew();
        await page.GotoAsync($"{address}/sign-in");
        await page.Locator("form[data-sign-in]").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        var elapsed = started.Elapsed.TotalMilliseconds;
        var sized = new List<(string Path, long Bytes)>();
        foreach (var response in responses.ToList())
        {
            var sizes = await response.Request.SizesAsync();
            sized.Add((new Uri(response.Url).AbsolutePath, sizes.ResponseBodySize + sizes.ResponseHeadersSize));
        }

        var encodings = responses.Select(r => r.Headers.TryGetValue("content-encoding", out var e) ? e : "none").Distinct().Order().ToList();
        await page.CloseAsync();
        return (elapsed, new LoadBytes(responses.Count, sized.Sum(s => s.Bytes), [.. sized.OrderByDescending(s => s.Bytes)], encodings));
    }
}
