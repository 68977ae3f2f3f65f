using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Reporting;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Grains.Hosting;

namespace RatingGrid.Grains.Aggregates;

/// <summary>
/// One of an aggregate's two views (all work, or published work): its standings pooled, a version
/// that goes up once per batch of changes, and the watchers waiting for the next version. Grain code:
/// called only on its grain's turn.
/// </summary>
internal sealed class AggregateFeed(AggregateKey key, RulebookCatalog rulebooks)
{
    private AggregateView? _view;
    private bool _changed;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Aggregate Aggregate { get; } = new(rulebooks);

    /// <summary>The same standings, indexed for reports.</summary>
    public ReportIndex Index { get; } = new();

    public long Version { get; private set; }

    /// <summary>Takes a standing unless one of the same or a newer version is held; true when it changed anything.</summary>
    public bool Take(Standing standing)
    {
        var changed = Aggregate.Replace(standing);
        if (changed)
        {
            Index.Put(standing);
        }

        _changed |= changed;
        return changed;
    }

    /// <summary>After a batch: a new version if anything changed, and every watcher waiting for one wakes.</summary>
    public void AnnounceIfChanged()
    {
        if (!_changed)
        {
            return;
        }

        (_changed, Version) = (false, Version + 1);
        var waiting = _next;
        _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting.TrySetResult();
    }

    // One view per version, handed to every reader (it is immutable, so local callers share it and
    // the host maps it to the wire once).
    public AggregateView View() =>
        _view is { } view && view.Version == Version ? view : _view = new(key, Version, [.. Aggregate.Rulebooks.Select(Aggregate.Figures)]);

    public async Task<AggregateView?> WaitForChangeAsync(long afterVersion, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Version <= afterVersion && !await ChangeWait.ArrivesAsync(_next.Task, timeout, time, cancellationToken))
        {
            return null;
        }

        return View();
    }
}
