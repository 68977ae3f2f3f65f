using Orleans.Storage;
using RatingGrid.Grains.State;

namespace RatingGrid.Testing;

/// <summary>
/// Wraps the real grain storage to count inspection writes, to fail them on demand, and to hold them at a gate,
/// so that tests can see exactly what was durably written and when.
/// </summary>
public sealed class StorageObserver
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _gate;
    private TaskCompletionSource _writeWaiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _writes;
    private long _durableVersion;

    /// <summary>When set, every write throws before reaching storage.</summary>
    public bool FailWrites { get; set; }

    /// <summary>Makes the aggregates' (region and nation) writes fail; inspections' are untouched.</summary>
    public bool FailAggregateWrites { get; set; }

    public int Writes => Volatile.Read(ref _writes);

    /// <summary>The highest inspection version that storage has confirmed.</summary>
    public long DurableVersion => Interlocked.Read(ref _durableVersion);

    /// <summary>Holds every write until <see cref="Release"/>; <see cref="WriteWaiting"/> completes when one arrives.</summary>
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
            throw new IOException("Injected storage failure.");
        }
    }

    internal void AfterWrite<T>(IGrainState<T> state)
    {
        Interlocked.Increment(ref _writes);
        if (state.State is InspectionState inspection)
        {
            long current;
            do
            {
                current = Interlocked.Read(ref _durableVersion);
            }
            while (inspection.Version > current && Interlocked.CompareExchange(ref _durableVersion, inspection.Version, current) != current);
        }
    }
}

/// <summary>The decorating <see cref="IGrainStorage"/>; it joins the silo lifecycle for its inner storage.</summary>
internal sealed class ObservedStorage(IGrainStorage inner, StorageObserver observer) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Only inspections are observed; the aggregates' writes pass straight through unless made to fail.
        if (grainState.State is not InspectionState)
        {
            if (observer.FailAggregateWrites)
            {
                throw new IOException("Injected storage failure (aggregate).");
            }

            await inner.WriteStateAsync(stateName, grainId, grainState);
            return;
        }

        await observer.BeforeWriteAsync();
        await inner.WriteStateAsync(stateName, grainId, grainState);
        observer.AfterWrite(grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
