namespace RatingGrid.Grains.Storage;

/// <summary>Journals held by this process: lost when it stops, for one-host benchmarks and experiments.</summary>
public sealed class MemoryJournalStore(StorageCalls calls) : JournalStore(calls)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Key, int Segment), List<byte>> _segments = [];
    private readonly Dictionary<(string Key, int Segment), byte[]> _snapshots = [];

    protected override Task<(IReadOnlyList<int> Segments, IReadOnlyList<int> Snapshots)> ListAsync(string key, CancellationToken ct)
    {
        lock (_lock)
        {
            IReadOnlyList<int> segments = [.. _segments.Keys.Where(k => k.Key == key).Select(k => k.Segment).Order()];
            IReadOnlyList<int> snapshots = [.. _snapshots.Keys.Where(k => k.Key == key).Select(k => k.Segment).Order()];
            return Task.FromResult((segments, snapshots));
        }
    }

    protected override Task<byte[]> ReadSegmentAsync(string key, int segment, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_segments[(key, segment)].ToArray());
        }
    }

    protected override Task<byte[]> ReadSnapshotAsync(string key, int segment, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_snapshots[(key, segment)]);
        }
    }

    protected override Task CreateSegmentAsync(string key, int segment, CancellationToken ct)
    {
        lock (_lock)
        {
            _segments.TryAdd((key, segment), []);
            return Task.CompletedTask;
        }
    }

    protected override Task<long> AppendFrameAsync(string key, int segment, long offset, byte[] frame, CancellationToken ct)
    {
        lock (_lock)
        {
            if (!_segments.TryGetValue((key, segment), out var bytes) || bytes.Count != offset)
            {
                throw new JournalConflictException($"Segment {segment} of '{key}' does not end at {offset}.");
            }

            bytes.AddRange(frame);
            return Task.FromResult((long)bytes.Count);
        }
    }

    protected override Task WriteSnapshotOnceAsync(string key, int segment, ReadOnlyMemory<byte> snapshot, CancellationToken ct)
    {
        lock (_lock)
        {
            _snapshots.TryAdd((key, segment), snapshot.ToArray());
            return Task.CompletedTask;
        }
    }
}
