using Orleans.Concurrency;
using Orleans.GrainDirectory;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Grains.Diagnostics;
using RatingGrid.Grains.Storage;
using RatingGrid.Grains.Changes;

namespace RatingGrid.Grains.Aggregates;

/// <summary>
/// The nation: every inspection's newest standing and its standing as last published, each change
/// numbered, handed to every host's copy (<see cref="AggregateCopy"/>) as it asks. It computes no
/// figure: each host does, from its copy, so reads never wait on the host this grain lives on. Its
/// state is derived: on activation it rebuilds itself from the standings table (a new epoch, so the
/// hosts take everything again, which replacing by version makes harmless), and a publication held
/// nowhere else is never lost: its inspection keeps publishing until the row and this grain have it.
/// </summary>
[Reentrant]
[GrainDirectory(GrainDirectoryName = StorageNames.AggregateDirectory)]
internal sealed class NationGrain : Grain, INationGrain
{
    // Inspections per page: a host catching up takes the nation in pages of this many, each a modest message.
    private const int PageSize = 512;

    private readonly Guid _epoch = Guid.NewGuid();
    private readonly StandingLog _log = new();
    private readonly IStandingStore _store;
    private readonly TimeProvider _time;
    private readonly RetryingLoad _load;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public NationGrain(IStandingStore store, TimeProvider time)
    {
        (_store, _time) = (store, time);
        _load = new RetryingLoad(LoadAsync);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        GrainMetrics.AggregatesActive.Add(1, Here);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        GrainMetrics.AggregatesActive.Add(-1, Here);
        return Task.CompletedTask;
    }

    private static KeyValuePair<string, object?> Here => new("aggregate", "nation");

    public async Task PublishAsync(IReadOnlyList<Standing> standings)
    {
        await _load.EnsureAsync();
        var changed = false;
        foreach (var standing in standings)
        {
            if (_log.Take(standing))
            {
                changed = true;
                GrainMetrics.Publications.Add(1);
                GrainMetrics.AggregationLag.Record((_time.GetUtcNow() - standing.ChangedAt).TotalMilliseconds, new KeyValuePair<string, object?>("scope", "nation"));
            }
        }

        if (changed)
        {
            Announce();
        }
    }

    public async Task<StandingChanges> FollowAsync(Guid epoch, long after, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        await _load.EnsureAsync();
        var from = epoch == _epoch ? after : 0;
        if (from >= _log.Sequence && !await ChangeWait.ArrivesAsync(_next.Task, wait, _time, cancellationToken))
        {
            return new StandingChanges(_epoch, Math.Min(from, _log.Sequence), false, []);
        }

        var (standings, upTo, more) = _log.Since(from, PageSize);
        return new StandingChanges(_epoch, upTo, more, standings);
    }

    public async Task<Standing?> GetStandingAsync(string inspectionId)
    {
        await _load.EnsureAsync();
        return _log.Newest(inspectionId);
    }

    private void Announce()
    {
        var waiting = _next;
        _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting.TrySetResult();
    }

    private async Task LoadAsync()
    {
        var stored = await _store.ReadAsync(AggregateKey.Nation);
        foreach (var standing in stored.Newest.Concat(stored.Published))
        {
            _log.Take(standing);
        }

        Announce();
    }
}
