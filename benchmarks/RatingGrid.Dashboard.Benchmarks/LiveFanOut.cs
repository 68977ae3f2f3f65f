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

        var latencies = new List<double>();
        for (var u = 0; u < updates; u++)
        {
            var sent = Stopwatch.GetTimestamp();
            var ack = await writer.RecordJudgementsAsync(LoadRequests.Batch(rulebook, id, revision: 1, firstCase: 50_000 + u, cases: 1));
            foreach (var seenAt in await Task.WhenAll(pages.Select(p => p.SeenAsync(ack.Version))))
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent, seenAt).TotalMilliseconds);
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(reading);
        foreach (var page in pages)
        {
            page.Dispose();
        }

        const double MiB = 1024 * 1024;
        return new FanOutResult(updates, Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99), latencies.Max(), before / MiB, after / MiB, (after - before) / (double)sessions.Count);
    }

    /// <summary>One page's live connection: the newest version it has received and when.</summary>
    private sealed class LivePage(string pagesAddress, string session, string id) : IDisposable
    {
        private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 1 }) { Timeout = Timeout.InfiniteTimeSpan };
        private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _gate = new();
        private readonly List<(long Version, TaskCompletionSource<long> Seen)> _waiting = [];
        private long _version;
        private long _at;
        private Exception? _broken;

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
                        Saw(long.Parse(line.AsSpan(3).Trim(), CultureInfo.InvariantCulture), Stopwatch.GetTimestamp());
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
                lock (_gate)
                {
                    _broken = ex;
                    _waiting.ForEach(w => w.Seen.TrySetException(ex));
                    _waiting.Clear();
                }
            }
        }

        public Task<long> SeenAsync(long version)
        {
            lock (_gate)
            {
                if (_version >= version)
                {
                    return Task.FromResult(_at);
                }

                if (_broken is not null)
                {
                    return Task.FromException<long>(_broken);
                }

                var seen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Add((version, seen));
                return seen.Task;
            }
        }

        private void Saw(long version, long at)
        {
            lock (_gate)
            {
                (_version, _at) = (version, at);
                foreach (var waiter in _waiting.Where(w => w.Version <= version).ToList())
                {
                    waiter.Seen.TrySetResult(at);
                    _waiting.Remove(waiter);
                }
            }
        }

        public void Dispose() => _http.Dispose();
    }
}
