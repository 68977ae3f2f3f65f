namespace RatingGrid.Grains.Storage;

/// <summary>
/// Each inspection's append-only journal: one record per group commit, in segments, with a snapshot
/// at the start of every segment after the first. Nothing is ever rewritten. A writer names the
/// position it expects the journal to end at, so a stale writer's append is refused
/// (<see cref="JournalConflictException"/>) rather than lost or interleaved. Every call is bounded by
/// the storage budget; a call that cannot complete in it throws
/// <see cref="Abstractions.Errors.StorageUnavailableException"/>.
/// </summary>
public interface IJournalStore
{
    /// <summary>The newest snapshot and every record after it.</summary>
    Task<JournalTail> ReadTailAsync(string inspectionId, CancellationToken cancellationToken = default);

    /// <summary>Every record ever appended, oldest first: the audit trail.</summary>
    Task<IReadOnlyList<byte[]>> ReadAllAsync(string inspectionId, CancellationToken cancellationToken = default);

    /// <summary>Appends one record where <paramref name="expected"/> says the journal ends; returns where it ends now.</summary>
    Task<JournalPosition> AppendAsync(string inspectionId, JournalPosition expected, ReadOnlyMemory<byte> record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Seals the segment that ends at <paramref name="expected"/> (no append to it succeeds after) and
    /// stores <paramref name="snapshot"/> as the state at the start of the next; returns that start.
    /// </summary>
    Task<JournalPosition> BeginSegmentAsync(string inspectionId, JournalPosition expected, ReadOnlyMemory<byte> snapshot, CancellationToken cancellationToken = default);
}
