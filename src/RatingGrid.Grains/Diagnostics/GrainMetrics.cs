using System.Diagnostics.Metrics;

namespace RatingGrid.Grains.Diagnostics;

/// <summary>What the grains count, published under the meter <see cref="MeterName"/>.</summary>
public static class GrainMetrics
{
    public const string MeterName = "RatingGrid.Grains";

    internal static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> JudgementsApplied = Meter.CreateCounter<long>("ratinggrid.judgements.applied", description: "Judgements that changed an inspection.");

    public static readonly Counter<long> StorageWrites = Meter.CreateCounter<long>("ratinggrid.storage.writes", description: "Inspection state writes that succeeded.");

    public static readonly Counter<long> StorageWriteFailures = Meter.CreateCounter<long>("ratinggrid.storage.write_failures", description: "Inspection state writes that failed.");

    public static readonly Histogram<int> GroupCommitSize = Meter.CreateHistogram<int>("ratinggrid.group_commit.size", description: "Changes acknowledged by one write.");

    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("ratinggrid.batch.size", description: "Judgements per batch received.");

    public static readonly Histogram<double> AggregationLag = Meter.CreateHistogram<double>("ratinggrid.aggregation.lag", unit: "ms", description: "From an inspection's durable change to its region or the nation taking it.");

    public static readonly Histogram<double> StorageWriteLatency = Meter.CreateHistogram<double>("ratinggrid.storage.write_latency", unit: "ms", description: "Time to store one group commit (its journal record, and a snapshot when one is due).");

    public static readonly Histogram<long> BytesWritten = Meter.CreateHistogram<long>("ratinggrid.journal.record_bytes", unit: "By", description: "Bytes of one journal record (one group commit).");

    public static readonly Histogram<double> BytesPerJudgement = Meter.CreateHistogram<double>("ratinggrid.journal.bytes_per_judgement", unit: "By", description: "Journal bytes written per judgement recorded, snapshots included, per group commit.");

    public static readonly Histogram<long> SnapshotBytes = Meter.CreateHistogram<long>("ratinggrid.journal.snapshot_bytes", unit: "By", description: "Bytes of a snapshot written at the start of a journal segment.");

    public static readonly Histogram<long> TailBytes = Meter.CreateHistogram<long>("ratinggrid.journal.tail_bytes", unit: "By", description: "Journal bytes written since the last snapshot (its age), after each write: what an activation would replay.");

    public static readonly Histogram<long> ReplayRecords = Meter.CreateHistogram<long>("ratinggrid.journal.replay_records", description: "Journal records replayed over the newest snapshot when an inspection activates.");

    public static readonly Histogram<double> ActivationLatency = Meter.CreateHistogram<double>("ratinggrid.inspection.load_latency", unit: "ms", description: "Time to read an inspection's snapshot and replay its journal tail.");

    public static readonly Counter<long> StandingWrites = Meter.CreateCounter<long>("ratinggrid.standings.writes", description: "Published standings stored (one row each): what regions and the nation are rebuilt from.");

    public static readonly Counter<long> StandingBytes = Meter.CreateCounter<long>("ratinggrid.standings.bytes_written", unit: "By", description: "Bytes of standings stored: the whole of what aggregation writes (regions and the nation write nothing).");

    public static readonly Counter<long> StandingRequests = Meter.CreateCounter<long>("ratinggrid.standings.requests", description: "Requests that stored standings rows: a row alone, or a transaction of up to 100 rows of one region written meanwhile.");

    /// <summary>1 on the host where an aggregate grain is active (tag <c>aggregate</c>): where the nation lives, for operators and for tests that must lose that host.</summary>
    public static readonly UpDownCounter<long> AggregatesActive = Meter.CreateUpDownCounter<long>("ratinggrid.aggregates.active", description: "Aggregate grains active on this host, by aggregate (nation, registry).");

    public static readonly Counter<long> Publications = Meter.CreateCounter<long>("ratinggrid.aggregation.publications", description: "Standings taken by a region or the nation (a newer version replacing an older).");
}
