using System.Globalization;
using Orleans.Storage;

namespace RatingGrid.Grains.Hosting;

/// <summary>
/// The memory provider (<see cref="SiloBuilderExtensions.AddRatingGridMemoryStorage"/>): state held by this silo, in serialised form
/// and with ETags, so that grains see what a real store would show them (a copy, not their own
/// objects; conflicting writes refused), but without Orleans' memory provider's grain call and copy
/// on every write, which cost more than the service's own work. One silo only, so the host allows it
/// only with localhost clustering; lost on restart.
/// </summary>
internal sealed class SiloMemoryGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string State, GrainId Grain), Stored> _states = [];
    private long _lastETag;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Stored? stored;
        lock (_lock)
        {
            stored = _states.GetValueOrDefault((stateName, grainId));
        }

        grainState.State = stored is null ? Activator.CreateInstance<T>() : serializer.Deserialize<T>(stored.Data);
        grainState.ETag = stored?.ETag;
        grainState.RecordExists = stored is not null;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.Serialize(grainState.State);
        lock (_lock)
        {
            var key = (stateName, grainId);
            RequireUnchangedSinceRead(key, grainState.ETag);

            var etag = (++_lastETag).ToString(CultureInfo.InvariantCulture);
            _states[key] = new Stored(data, etag);
            grainState.ETag = etag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_lock)
        {
            var key = (stateName, grainId);
            RequireUnchangedSinceRead(key, grainState.ETag);

            _states.Remove(key);
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    // Called under the lock: a write or clear based on an old read is refused, as a real store refuses it.
    private void RequireUnchangedSinceRead((string State, GrainId Grain) key, string? readETag)
    {
        var held = _states.GetValueOrDefault(key)?.ETag;
        if (held != readETag)
        {
            throw new InconsistentStateException($"{key.Grain} ({key.State}) was written by someone else since it was read.", held, readETag);
        }
    }

    private sealed record Stored(BinaryData Data, string ETag);
}
