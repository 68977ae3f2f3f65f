using Orleans.Concurrency;
using Orleans.GrainDirectory;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Grains.Diagnostics;
using RatingGrid.Grains.Hosting;
using RatingGrid.Grains.Inspections;
using RatingGrid.Grains.Storage;

namespace RatingGrid.Grains.Aggregates;

/// <summary>
/// A region or the nation: the newest standing of each of its inspections, pooled. Its figures are
/// derived data: it stores nothing of its own, and on activation rebuilds itself from the standings
/// table (one row per inspection, written by the inspections). A publication moves the figures at
/// once, so readers and watchers see it straight away, and a publication held nowhere else is never
/// lost: its inspection keeps publishing until the row and the aggregates both have it. Standings
/// replace by version, so a repeated, retried or late publication never counts twice.
/// </summary>
[Reentrant]
[GrainDirectory(GrainDirectoryName = StorageNames.AggregateDirectory)]
internal sealed class AggregateGrain : Grain, IAggregateGrain
{
    private readonly IStandingStore _store;
    private readonly TimeProvider _time;
    private readonly AggregateKey _key;
    private readonly Aggregate _aggregate;
    private readonly RetryingLoad _load;
    private long _version;
    private AggregateView? _view;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AggregateGrain(IStandingStore store, RulebookCatalog rulebooks, TimeProvider time)
    {
        (_store, _time) = (store, time);
        _key = AggregateKey.Parse(this.GetPrimaryKeyString());
        _aggregate = new Aggregate(rulebooks);
        _load = new RetryingLoad(LoadAsync);
    }

    public async Task PublishAsync(IReadOnlyList<Standing> standings)
    {
        await _load.EnsureAsync();
        var changed = false;
        foreach (var standing in standings)
        {
            if (_aggregate.Replace(standing))
            {
                GrainMetrics.Publications.Add(1);
                GrainMetrics.AggregationLag.Record((_time.GetUtcNow() - standing.ChangedAt).TotalMilliseconds,
                    new KeyValuePair<string, object?>("scope", _key.IsNation ? "nation" : "region"));
                changed = true;
            }
        }

        if (changed)
        {
            AnnounceNewVersion();
        }
    }

    public async Task<AggregateView> GetAsync()
    {
        await _load.EnsureAsync();
        return View();
    }

    public async Task<AggregateView?> WaitForChangeAsync(long afterVersion, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await _load.EnsureAsync();
        if (_version <= afterVersion && !await ChangeWait.ArrivesAsync(_changed.Task, timeout, _time, cancellationToken))
        {
            return null;
        }

        return View();
    }

    public async Task<Standing?> GetStandingAsync(string inspectionId)
    {
        await _load.EnsureAsync();
        return _aggregate.Find(inspectionId);
    }

    public async Task<IReadOnlyList<Standing>> ListAsync()
    {
        await _load.EnsureAsync();
        return [.. _aggregate.Standings.OrderBy(s => s.InspectionId, StringComparer.Ordinal)];
    }

    private async Task LoadAsync()
    {
        var changed = false;
        foreach (var standing in await _store.ReadAsync(_key))
        {
            changed |= _aggregate.Replace(standing);
        }

        if (changed)
        {
            AnnounceNewVersion();
        }
    }

    // One view per version, handed to every reader (it is immutable, so local callers share it and
    // the host maps it to the wire once).
    private AggregateView View() =>
        _view is { } view && view.Version == _version ? view : _view = new(_key, _version, [.. _aggregate.Rulebooks.Select(_aggregate.Figures)]);

    // Figures changed: a new version, and every watcher waiting for one wakes.
    private void AnnounceNewVersion()
    {
        _version++;
        var waiting = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting.TrySetResult();
    }
}
