using System.Collections.Concurrent;
using Grpc.Core;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.Abstractions.References;

namespace RatingGrid.Host.Access;

/// <summary>
/// Keeps region-scoped callers to their regions. An inspection's region never changes once opened,
/// so it is looked up once per inspection and remembered; callers covering every region cost nothing.
/// </summary>
internal sealed class RegionGuard(IGrainFactory grains)
{
    private const int Remembered = 100_000;
    private readonly ConcurrentDictionary<string, string> _regions = new(StringComparer.Ordinal);

    /// <summary>Refuses a caller whose regions do not include the inspection's; an inspection not yet opened passes (its rpc reports NOT_FOUND).</summary>
    public ValueTask EnsureInspectionAsync(Caller caller, string inspectionId)
    {
        if (caller.CoversAllRegions || string.IsNullOrEmpty(inspectionId))
        {
            return ValueTask.CompletedTask;
        }

        if (_regions.TryGetValue(inspectionId, out var region))
        {
            Ensure(caller, region, inspectionId);
            return ValueTask.CompletedTask;
        }

        return LookUpAsync(caller, inspectionId);
    }

    /// <summary>Refuses a caller whose regions do not include the named region.</summary>
    public static void EnsureRegion(Caller caller, string region)
    {
        if (!caller.Covers(region))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"The token of {caller.Describe()} covers {caller.DescribeRegions()}, not region '{region}'."));
        }
    }

    private async ValueTask LookUpAsync(Caller caller, string inspectionId)
    {
        var region = await grains.Get<IInspectionGrain>(inspectionId).GetRegionAsync();
        if (region is null)
        {
            return;
        }

        if (_regions.Count >= Remembered)
        {
            _regions.Clear();
        }

        _regions[inspectionId] = region;
        Ensure(caller, region, inspectionId);
    }

    private static void Ensure(Caller caller, string region, string inspectionId)
    {
        if (!caller.Covers(region))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"The token of {caller.Describe()} covers {caller.DescribeRegions()}, not the region of inspection '{inspectionId}'."));
        }
    }
}
