using System.Diagnostics.Metrics;

namespace RatingGrid.Host.Diagnostics;

/// <summary>What the gRPC layer counts, published under the meter <see cref="MeterName"/>.</summary>
internal static class HostMetrics
{
    public const string MeterName = "RatingGrid.Host";

    private static readonly Meter Meter = new(MeterName);

    public static readonly UpDownCounter<long> Watchers = Meter.CreateUpDownCounter<long>("ratinggrid.watchers", description: "Watch streams open.");
}
