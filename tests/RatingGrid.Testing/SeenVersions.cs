namespace RatingGrid.Testing;

/// <summary>
/// What one reader of an inspection's versions (a watch, a page's live feed) has seen: the newest
/// version and when (a <see cref="System.Diagnostics.Stopwatch"/> timestamp), and who waits for
/// which version. A reader that broke fails its waiters instead of leaving them waiting for ever.
/// </summary>
public sealed class SeenVersions
{
    private readonly Lock _gate = new();
    private readonly List<(long Version, TaskCompletionSource<long> Seen)> _waiting = [];
    private long _version;
    private long _at;
    private Exception? _broken;

    public void Saw(long version, long at)
    {
        lock (_gate)
        {
            (_version, _at) = (version, at);
            foreach (var waiter in _waiting.Where(w => w.Version <= version).ToList())
            {
                waiter.Seen.TrySetResult(at);
                _waiting.Remove(waiter);
            }
        }
    }

    public void Broke(Exception why)
    {
        lock (_gate)
        {
            _broken = why;
            _waiting.ForEach(w => w.Seen.TrySetException(why));
            _waiting.Clear();
        }
    }

    /// <summary>When a version at or past <paramref name="version"/> was seen.</summary>
    public Task<long> SeenAsync(long version)
    {
        lock (_gate)
        {
            if (_version >= version)
            {
                return Task.FromResult(_at);
            }

            if (_broken is not null)
            {
                return Task.FromException<long>(_broken);
            }

            var seen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((version, seen));
            return seen.Task;
        }
    }
}
