using System.Diagnostics.Metrics;

namespace RatingGrid.Grains.Diagnostics;

/// <summary>What the grains count, published under the meter <see cref="MeterName"/>.</summary>
public static class GrainMetrics
{
    public const string MeterName = "RatingGrid.Grains";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> JudgementsApplied = Meter.CreateCounter<long>("ratinggrid.judgements.applied", description: "Judgements that changed an inspection.");

    public static readonly Counter<long> StorageWrites = Meter.CreateCounter<long>("ratinggrid.storage.writes", description: "Inspection state writes that succeeded.");

    public static readonly Counter<long> StorageWriteFailures = Meter.CreateCounter<long>("ratinggrid.storage.write_failures", description: "Inspection state writes that failed.");

    public static readonly Histogram<int> GroupCommitSize = Meter.CreateHistogram<int>("ratinggrid.group_commit.size", description: "Changes acknowledged by one write.");

    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("ratinggrid.batch.size", description: "Judgements per batch received.");

    public static readonly Histogram<double> AggregationLag = Meter.CreateHistogram<double>("ratinggrid.aggregation.lag", unit: "ms", description: "From an inspection's durable change to its region or the nation taking it.");

    public static readonly Histogram<double> StorageWriteLatency = Meter.CreateHistogram<double>("ratinggrid.storage.write_latency", unit: "ms", description: "Time to write an inspection's state.");
}
