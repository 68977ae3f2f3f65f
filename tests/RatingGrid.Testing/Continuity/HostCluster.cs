using System.Globalization;
using Grpc.Net.Client;
using RatingGrid.Client.Connections;

namespace RatingGrid.Testing.Continuity;

/// <summary>
/// Host processes clustered through Azure Table storage on one Azurite, as <c>scripts/cluster.sh</c>
/// runs them, with the settings the host ships with (membership and publication included): what an
/// outside caller meets, to lose a host of or to deploy host by host.
/// </summary>
public sealed class HostCluster : IDisposable
{
    // What a host's log (RATINGGRID_HOST_LOGS) should show of a loss or a deploy: membership's view, and the copy of the figures falling behind and catching up.
    private static readonly Dictionary<string, string> NoticedInLogs = new()
    {
        ["Logging:LogLevel:Orleans.Runtime.MembershipService"] = "Information",
        ["Logging:LogLevel:RatingGrid.Grains.Aggregates"] = "Information",
    };

    private readonly List<HostProcess> _hosts;

    private HostCluster(List<HostProcess> hosts) => _hosts = hosts;

    public int Count => _hosts.Count;

    /// <summary>The host in place <paramref name="index"/> (a restarted host takes its predecessor's place and ports).</summary>
    public HostProcess this[int index] => _hosts[index];

    /// <summary>Where each host serves gRPC, in place order.</summary>
    public IReadOnlyList<Uri> Addresses => [.. _hosts.Select(h => new Uri(h.Address))];

    public static async Task<HostCluster> StartAsync(AzuriteProcess azurite, string name, int count, CancellationToken cancel)
    {
        var cluster = new HostCluster([.. Enumerable.Range(0, count).Select(_ => HostProcess.Start(azurite, name, settings: NoticedInLogs))]);
        try
        {
            foreach (var host in cluster._hosts)
            {
                await host.WaitUntilReadyAsync(cancel);
            }
        }
        catch
        {
            cluster.Dispose();
            throw;
        }

        return cluster;
    }

    /// <summary>A channel over every host, as a client that balances for itself makes it (the client library's, retries and all).</summary>
    public GrpcChannel Balanced(string token) => RatingGridChannel.Create(Addresses, _ => ValueTask.FromResult<string?>(token));

    /// <summary>The place of the host the nation is active on, from each host's metrics (waiting while it moves).</summary>
    public async Task<int> NationHostAsync(CancellationToken cancel)
    {
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            for (var i = 0; i < _hosts.Count; i++)
            {
                if (!_hosts[i].HasExited && NationActive(await ScrapeAsync(http, _hosts[i], cancel)))
                {
                    return i;
                }
            }

            await Task.Delay(100, cancel); // the nation activates on its first call; polling pace
        }

        throw new InvalidOperationException("No host reports the nation active (ratinggrid_aggregates_active{aggregate=\"nation\"}).");
    }

    /// <summary>SIGKILL: no shutdown, no goodbye.</summary>
    public void Kill(int index) => _hosts[index].Kill();

    /// <summary>
    /// One step of a rolling deploy: SIGTERM, wait for the exit, start the host again in its place
    /// and wait until it is ready; returns how long it took to exit and to be ready again.
    /// </summary>
    public async Task<(TimeSpan Stopping, TimeSpan Starting)> RestartAsync(int index, CancellationToken cancel)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _hosts[index].Terminate();
        await _hosts[index].WaitForExitAsync(cancel);
        var stopping = clock.Elapsed;
        return (stopping, await StartAgainAsync(index, cancel));
    }

    /// <summary>Starts a host that was killed again in its place, and waits until it is ready; returns how long that took.</summary>
    public async Task<TimeSpan> StartAgainAsync(int index, CancellationToken cancel)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var again = _hosts[index].StartAgain();
        _hosts[index].Dispose();
        _hosts[index] = again;
        await again.WaitUntilReadyAsync(cancel);
        return clock.Elapsed;
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
    }

    private static async Task<string> ScrapeAsync(HttpClient http, HostProcess host, CancellationToken cancel)
    {
        try
        {
            return await http.GetStringAsync(new Uri($"http://127.0.0.1:{host.HealthPort}/metrics"), cancel);
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }

    // A Prometheus text line such as: ratinggrid_aggregates_active{aggregate="nation",...} 1 1733500000000
    private static bool NationActive(string metrics) =>
        metrics.Split('\n').Any(line => line.StartsWith("ratinggrid_aggregates_active{", StringComparison.Ordinal)
            && line.Contains("aggregate=\"nation\"", StringComparison.Ordinal)
            && double.TryParse(line[(line.IndexOf('}', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value >= 1);
}
