namespace RatingGrid.Grains.Storage;

/// <summary>
/// What an activation reads: the newest snapshot (none before the first rollover), every record
/// written after it in order, and where the journal ends. An empty tail with no snapshot means
/// nothing has ever been stored.
/// </summary>
/// <param name="BytesSinceSnapshot">The size of <paramref name="Records"/>: what replay costs, and what decides the next rollover.</param>
/// <param name="StoredInOldFormat">Nothing is in a journal, but the inspection was stored by a RatingGrid from before journals, which this one does not read.</param>
public sealed record JournalTail(
    byte[]? Snapshot,
    IReadOnlyList<byte[]> Records,
    JournalPosition End,
    long BytesSinceSnapshot,
    bool StoredInOldFormat = false)
{
    public bool IsEmpty => Snapshot is null && Records.Count == 0;
}
