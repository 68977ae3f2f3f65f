namespace RatingGrid.Grains.Storage;

/// <summary>How the grains' storage calls behave (options; the host binds them from <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>
    /// The most any one storage call may take, retries included. A change that cannot be stored in
    /// it fails retryably (UNAVAILABLE) rather than outliving its caller's deadline.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A journal begins a new segment (with a snapshot) once its tail holds this many bytes and at least <see cref="SnapshotFactor"/> times the last snapshot's size.</summary>
    public long MinimumTailBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// How much bigger than the last snapshot the tail may grow before the next: 2 means snapshots
    /// add at most half again to the bytes a journal writes, and replay reads at most twice the snapshot.
    /// </summary>
    public double SnapshotFactor { get; set; } = 2;

    /// <summary>Records per segment at most, well inside Azure's 50,000 appends per blob.</summary>
    public int MaxRecordsPerSegment { get; set; } = 40_000;

    /// <summary>How often an active probe checks storage, for the health check and metric.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(2);
}
