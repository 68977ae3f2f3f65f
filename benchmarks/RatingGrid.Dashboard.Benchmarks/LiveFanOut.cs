using System.Diagnostics;
using System.Globalization;
using System.Net;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Dashboard.Benchmarks;

/// <summary>
/// Open live pages without the browsers: each page's live connection to the web app (its
/// server-sent events for one inspection, with its own session cookie, on its own HTTP/1.1
/// connection as a browser without TLS has), then writes through gRPC, each timed from sending it
/// until every page has received a version holding it; and the web app's resident memory per page.
/// </summary>
internal static class LiveFanOut
{
    public static async Task<FanOutResult> RunAsync(WebProcess web, IReadOnlyList<string> sessions, InspectionService.InspectionServiceClient writer,
        RatingGrid.Domain.Rulebooks.Rulebook rulebook, string id, int updates)
    {
        var before = web.ResidentBytes();
        using var stop = new CancellationTokenSource();
        var version = (await writer.GetInspectionAsync(new GetInspectionRequest { InspectionId = id })).Version;
        var pages = sessions.Select(session => new LivePage(web.Address, session, id)).ToArray();
        var reading = pages.Select(p => p.ReadAsync(version, stop.Token)).ToArray();
        await Task.WhenAll(pages.Select(p => p.OpenedAsync()));
        var after = web.ResidentBytes();

        var latencies = await FanOut.TimeWritesAsync(writer, rulebook, id, firstCase: 50_000, updates, [.. pages.Select(p => p.Seen)]);

        await stop.CancelAsync();
        await Task.WhenAll(reading);
        foreach (var page in pages)
        {
            page.Dispose();
        }

        return FanOut.Result(updates, latencies, before, after, sessions.Count);
    }

    /// <summary>One page's live connection, and the versions it has received.</summary>
    private sealed class LivePage(string pagesAddress, string session, string id) : IDisposable
    {
        private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 1 }) { Timeout = Timeout.InfiniteTimeSpan };
        private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SeenVersions Seen { get; } = new();

        public Task OpenedAsync() => _opened.Task;

        public async Task ReadAsync(long after, CancellationToken stop)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"{pagesAddress}/live/inspections/{Uri.EscapeDataString(id)}?after={after}") { Version = HttpVersion.Version11 };
                request.Headers.Add("Cookie", session);
                request.Headers.Accept.ParseAdd("text/event-stream");
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
                response.EnsureSuccessStatusCode();
                _opened.TrySetResult();
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop));
                while (await reader.ReadLineAsync(stop) is { } line)
                {
                    if (line.StartsWith("id:", StringComparison.Ordinal))
                    {
                        Seen.Saw(long.Parse(line.AsSpan(3).Trim(), CultureInfo.InvariantCulture), Stopwatch.GetTimestamp());
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                // A page whose feed broke would wait for ever: the run fails instead, saying why.
                _opened.TrySetException(ex);
                Seen.Broke(ex);
            }
        }

        public void Dispose() => _http.Dispose();
    }
}
