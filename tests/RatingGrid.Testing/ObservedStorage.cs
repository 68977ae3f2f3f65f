using RatingGrid.Domain.Aggregation;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Grains.State;
using RatingGrid.Grains.Storage;

namespace RatingGrid.Testing;

/// <summary>
/// Wraps the real journal store to count appends, to fail them on demand, and to hold them at a gate,
/// and the real standings store to fail it on demand, so that tests can see exactly what was durably
/// written and when.
/// </summary>
public sealed class StorageObserver
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _gate;
    private TaskCompletionSource _writeWaiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _writes;
    private long _durableVersion;

    private TaskCompletionSource? _snapshotGate;
    private TaskCompletionSource _snapshotWaiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, every journal append throws before reaching storage.</summary>
    public bool FailWrites { get; set; }

    /// <summary>Holds every new segment (seal and snapshot) until released; <see cref="SnapshotWaiting"/> completes when one arrives.</summary>
    public void HoldSnapshots()
    {
        lock (_lock)
        {
            _snapshotGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _snapshotWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public Task SnapshotWaiting
    {
        get
        {
            lock (_lock)
            {
                return _snapshotWaiting.Task;
            }
        }
    }

    internal Task BeforeSnapshotAsync()
    {
        lock (_lock)
        {
            _snapshotWaiting.TrySetResult();
            return _snapshotGate?.Task ?? Task.CompletedTask;
        }
    }

    /// <summary>Makes writes of standings (what regions and the nation are rebuilt from) fail; journals are untouched.</summary>
    public bool FailStandingWrites { get; set; }

    /// <summary>Journal appends that landed.</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary>The highest inspection version that storage has confirmed.</summary>
    public long DurableVersion => Interlocked.Read(ref _durableVersion);

    /// <summary>Holds every append until <see cref="Release"/>; <see cref="WriteWaiting"/> completes when one arrives.</summary>
    public void HoldWrites()
    {
        lock (_lock)
        {
            _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _writeWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public Task WriteWaiting
    {
        get
        {
            lock (_lock)
            {
                return _writeWaiting.Task;
            }
        }
    }

    public void Release()
    {
        TaskCompletionSource? gate;
        lock (_lock)
        {
            gate = _gate;
            _gate = null;
        }

        gate?.TrySetResult();
    }

    internal async Task BeforeWriteAsync()
    {
        Task? gate;
        lock (_lock)
        {
            gate = _gate?.Task;
            _writeWaiting.TrySetResult();
        }

        if (gate is not null)
        {
            await gate;
        }

        if (FailWrites)
        {
            throw new Grains.Abstractions.Errors.StorageUnavailableException("Injected storage failure.");
        }
    }

    internal void AfterWrite(byte[] record)
    {
        Interlocked.Increment(ref _writes);
        var version = JournalCodec.VersionOf(record);
        long current;
        do
        {
            current = Interlocked.Read(ref _durableVersion);
        }
        while (version > current && Interlocked.CompareExchange(ref _durableVersion, version, current) != current);
    }
}

/// <summary>The decorating journal store.</summary>
internal sealed class ObservedJournalStore(IJournalStore inner, StorageObserver observer) : IJournalStore
{
    public Task<JournalTail> ReadTailAsync(string inspectionId, CancellationToken cancellationToken = default) => inner.ReadTailAsync(inspectionId, cancellationToken);

    public Task<IReadOnlyList<byte[]>> ReadAllAsync(string inspectionId, CancellationToken cancellationToken = default) => inner.ReadAllAsync(inspectionId, cancellationToken);

    public async Task<JournalPosition> AppendAsync(string inspectionId, JournalPosition expected, ReadOnlyMemory<byte> record, CancellationToken cancellationToken = default)
    {
        await observer.BeforeWriteAsync();
        var end = await inner.AppendAsync(inspectionId, expected, record, cancellationToken);
        observer.AfterWrite(record.ToArray());
        return end;
    }

    public async Task<JournalPosition> BeginSegmentAsync(string inspectionId, JournalPosition expected, ReadOnlyMemory<byte> snapshot, CancellationToken cancellationToken = default)
    {
        await observer.BeforeSnapshotAsync();
        return await inner.BeginSegmentAsync(inspectionId, expected, snapshot, cancellationToken);
    }
}

/// <summary>The decorating standings store.</summary>
internal sealed class ObservedStandingStore(IStandingStore inner, StorageObserver observer) : IStandingStore
{
    public Task<long> WriteAsync(Standing standing, CancellationToken cancellationToken = default) =>
        observer.FailStandingWrites ? throw new IOException("Injected storage failure (standings).") : inner.WriteAsync(standing, cancellationToken);

    public Task<StoredStandings> ReadAsync(AggregateKey scope, CancellationToken cancellationToken = default) => inner.ReadAsync(scope, cancellationToken);
}
