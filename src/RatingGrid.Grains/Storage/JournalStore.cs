namespace RatingGrid.Grains.Storage;

/// <summary>
/// The journal's rules over a store's primitives (list, read, create, conditional append, write
/// once): how segments are chosen, framed, sealed and replayed. Both stores share them, so memory
/// storage behaves exactly as Azure storage does.
/// </summary>
public abstract class JournalStore(StorageCalls calls) : IJournalStore
{
    public Task<JournalTail> ReadTailAsync(string inspectionId, CancellationToken cancellationToken = default) =>
        calls.RunAsync("read a journal", async ct =>
        {
            var key = StorageKeys.Encode(inspectionId);
            var (segments, snapshots) = await ListAsync(key, ct);
            if (segments.Count == 0 && snapshots.Count == 0)
            {
                return new JournalTail(null, [], JournalPosition.Start, 0, await IsStoredInOldFormatAsync(inspectionId, ct));
            }

            var from = snapshots.Count == 0 ? 0 : snapshots[^1];
            var snapshot = snapshots.Count == 0 ? null : await ReadSnapshotAsync(key, from, ct);
            var records = new List<byte[]>();
            var end = new JournalPosition(from, 0, 0);
            foreach (var segment in segments.Where(s => s >= from))
            {
                var bytes = await ReadSegmentAsync(key, segment, ct);
                var (read, isSealed) = JournalFrames.Read(bytes);
                records.AddRange(read);
                end = isSealed ? new JournalPosition(segment, bytes.Length, read.Count).NextSegment() : new JournalPosition(segment, bytes.Length, read.Count);
            }

            return new JournalTail(snapshot, records, end, records.Sum(r => (long)r.Length));
        }, cancellationToken);

    public Task<IReadOnlyList<byte[]>> ReadAllAsync(string inspectionId, CancellationToken cancellationToken = default) =>
        calls.RunAsync<IReadOnlyList<byte[]>>("read a journal's history", async ct =>
        {
            var key = StorageKeys.Encode(inspectionId);
            var records = new List<byte[]>();
            foreach (var segment in (await ListAsync(key, ct)).Segments)
            {
                records.AddRange(JournalFrames.Read(await ReadSegmentAsync(key, segment, ct)).Records);
            }

            return records;
        }, cancellationToken);

    public Task<JournalPosition> AppendAsync(string inspectionId, JournalPosition expected, ReadOnlyMemory<byte> record, CancellationToken cancellationToken = default) =>
        calls.RunAsync("append to a journal", async ct =>
        {
            var key = StorageKeys.Encode(inspectionId);
            if (expected.Offset == 0)
            {
                // A segment is made by its first append. It may exist already, empty (its writer died
                // between making it and appending) or not (a rival began it): the conditional append
                // below tells the two apart, so an empty one left behind never blocks the inspection.
                await CreateSegmentAsync(key, expected.Segment, ct);
            }

            var offset = expected.Offset;
            foreach (var frame in JournalFrames.Split(record))
            {
                offset = await AppendFrameAsync(key, expected.Segment, offset, frame, ct);
            }

            return expected with { Offset = offset, Records = expected.Records + 1 };
        }, cancellationToken);

    public Task<JournalPosition> BeginSegmentAsync(string inspectionId, JournalPosition expected, ReadOnlyMemory<byte> snapshot, CancellationToken cancellationToken = default) =>
        calls.RunAsync("begin a journal segment", async ct =>
        {
            var key = StorageKeys.Encode(inspectionId);
            // Sealing first: from here no stale writer can add to the segment the snapshot sums up.
            await AppendFrameAsync(key, expected.Segment, expected.Offset, JournalFrames.SealFrame(), ct);
            await WriteSnapshotOnceAsync(key, expected.Segment + 1, snapshot, ct);
            return expected.NextSegment();
        }, cancellationToken);

    /// <summary>Whether the inspection was stored by a RatingGrid from before journals (one Orleans state blob each).</summary>
    protected virtual Task<bool> IsStoredInOldFormatAsync(string inspectionId, CancellationToken ct) => Task.FromResult(false);

    /// <summary>The segments and snapshots stored under <paramref name="key"/>, each in ascending order.</summary>
    protected abstract Task<(IReadOnlyList<int> Segments, IReadOnlyList<int> Snapshots)> ListAsync(string key, CancellationToken ct);

    protected abstract Task<byte[]> ReadSegmentAsync(string key, int segment, CancellationToken ct);

    protected abstract Task<byte[]> ReadSnapshotAsync(string key, int segment, CancellationToken ct);

    /// <summary>Creates an empty segment unless it exists already.</summary>
    protected abstract Task CreateSegmentAsync(string key, int segment, CancellationToken ct);

    /// <summary>Appends one frame if the segment is exactly <paramref name="offset"/> long (else <see cref="JournalConflictException"/>); returns its new length.</summary>
    protected abstract Task<long> AppendFrameAsync(string key, int segment, long offset, byte[] frame, CancellationToken ct);

    /// <summary>Stores a snapshot unless one is stored already for that segment (then it sums up the same records).</summary>
    protected abstract Task WriteSnapshotOnceAsync(string key, int segment, ReadOnlyMemory<byte> snapshot, CancellationToken ct);
}
