using Grpc.Core;
using RatingGrid.Domain.Registry;
using RatingGrid.Grains.Abstractions.Registry;
using RatingGrid.Grains.Aggregates;
using RatingGrid.Domain.Reporting;

namespace RatingGrid.Host.Services;

/// <summary>
/// What the aggregation rpcs read, all of it held on this host: its copy of the figures (once loaded)
/// and the registered regions (as last read from the registry, refreshed behind the reads, so that a
/// registry on a lost host holds no read up).
/// </summary>
internal sealed class Figures(AggregateCopy copy, IGrainFactory grains, TimeProvider time)
{
    // A host just started loads its copy in well under this; a read waits for it rather than fail.
    private static readonly TimeSpan LoadWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RegionsKept = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RegistryWait = TimeSpan.FromSeconds(1);

    private RegionsRead? _regions;
    private int _refreshing;

    /// <summary>The copy, once it has caught up with the nation; UNAVAILABLE if it has not within a while (a host just started).</summary>
    public async Task<AggregateCopy> CopyAsync(CancellationToken cancellationToken)
    {
        if (!copy.Loaded.IsCompleted)
        {
            try
            {
                await copy.Loaded.WaitAsync(LoadWait, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                throw new RpcException(new Status(StatusCode.Unavailable,
                    "This host is still loading its copy of the regional and national figures; retry in a moment (another host may answer now)."));
            }
        }

        return copy;
    }

    /// <summary>
    /// The registered regions, by name, with their PDUs, as last read from the registry: read again in
    /// the background when older than a few seconds, so that a read never waits on the registry's
    /// host; the first read waits a moment for it, then takes the data file's.
    /// </summary>
    public async Task<IReadOnlyList<RegisteredRegion>> RegionsAsync()
    {
        if (_regions is { } held)
        {
            if (time.GetElapsedTime(held.ReadAt) >= RegionsKept)
            {
                _ = RefreshAsync();
            }

            return held.Regions;
        }

        return await RefreshAsync() ?? ByRegion(PduRegistry.BuiltIn.Regions, PduRegistry.BuiltIn.Pdus);
    }

    private static IReadOnlyList<RegisteredRegion> ByRegion(IReadOnlyList<string> regions, IReadOnlyList<Pdu> pdus)
    {
        var byRegion = pdus.ToLookup(p => p.Region, StringComparer.Ordinal);
        return [.. regions.Select(r => new RegisteredRegion(r, [.. byRegion[r].Select(p => p.Id)]))];
    }

    private async Task<IReadOnlyList<RegisteredRegion>?> RefreshAsync()
    {
        if (Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return _regions?.Regions;
        }

        try
        {
            var registry = await grains.GetRegistry().GetAsync().WaitAsync(RegistryWait, time);
            var regions = ByRegion(registry.Regions, registry.Pdus);
            _regions = new RegionsRead(regions, time.GetTimestamp());
            return regions;
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            return _regions?.Regions;
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private sealed record RegionsRead(IReadOnlyList<RegisteredRegion> Regions, long ReadAt);
}
