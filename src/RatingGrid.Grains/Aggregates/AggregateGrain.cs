using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.GrainDirectory;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Grains.Diagnostics;
using RatingGrid.Grains.Hosting;
using RatingGrid.Grains.State;

namespace RatingGrid.Grains.Aggregates;

/// <summary>
/// A region (forwarding to the nation) or the nation. A publication moves the figures in memory at
/// once (readers see it straight away) and completes when a storage write holding it has landed
/// (<see cref="CoalescingWriter"/>), so publishers wait a little and storage is spared. A publisher
/// whose call fails publishes again, so a silo dying with unwritten standings loses none. Standings
/// replace by version, so a retried, repeated or late publication never counts twice.
/// </summary>
[Reentrant]
[GrainDirectory(GrainDirectoryName = StorageNames.AggregateDirectory)]
internal sealed class AggregateGrain : Grain, IAggregateGrain
{
    private readonly IPersistentState<AggregateState> _storage;
    private readonly RulebookCatalog _rulebooks;
    private readonly TimeProvider _time;
    private readonly AggregateKey _key;
    private readonly CoalescingWriter _writer;
    private readonly NationForwarder? _forwarder;
    private Aggregate _aggregate = null!;
    private long _version;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AggregateGrain(
        [PersistentState("aggregate", StorageNames.Aggregates)] IPersistentState<AggregateState> storage,
        RulebookCatalog rulebooks,
        TimeProvider time,
        ILogger<AggregateGrain> logger)
    {
        (_storage, _rulebooks, _time) = (storage, rulebooks, time);
        _key = AggregateKey.Parse(this.GetPrimaryKeyString());
        _writer = new CoalescingWriter(storage, MergeStoredAsync, _key.ToString(), time, logger);
        _forwarder = _key.Region is { } region ? new NationForwarder(GrainFactory, region, time, logger) : null;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _aggregate = new Aggregate(_rulebooks);
        foreach (var standing in _storage.State.Standings.Values)
        {
            _aggregate.Replace(standing);
        }

        // A region cannot know whether its last forwarding reached the nation before it went away;
        // sending everything again is harmless (replace by version) and heals the nation if not.
        _forwarder?.Forward(_storage.State.Standings.Values);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Background loops stop here: the state is written now, and a region's next activation
        // forwards everything it holds.
        _forwarder?.Stop();
        return _writer.FlushAsync(cancellationToken);
    }

    public Task PublishAsync(IReadOnlyList<Standing> standings)
    {
        var taken = new List<Standing>(standings.Count);
        foreach (var standing in standings)
        {
            if (_aggregate.Replace(standing))
            {
                GrainMetrics.AggregationLag.Record((_time.GetUtcNow() - standing.ChangedAt).TotalMilliseconds,
                    new KeyValuePair<string, object?>("scope", _key.IsNation ? "nation" : "region"));
                _storage.State.Standings[standing.InspectionId] = standing;
                taken.Add(standing);
            }
        }

        if (taken.Count > 0)
        {
            AnnounceNewVersion();
            _writer.MarkDirty();
            _forwarder?.Forward(taken);
        }

        // Also when nothing changed: a publisher retrying after a failed write must wait for one that lands.
        return _writer.Durable();
    }

    public Task<AggregateView> GetAsync() =>
        Task.FromResult(new AggregateView(_key, _version, [.. _aggregate.Rulebooks.Select(_aggregate.Figures)]));

    public async Task<AggregateView?> WaitForChangeAsync(long afterVersion, TimeSpan timeout)
    {
        if (_version <= afterVersion)
        {
            try
            {
                await _changed.Task.WaitAsync(timeout, _time);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }

        return await GetAsync();
    }

    public Task<Standing?> GetStandingAsync(string inspectionId) =>
        Task.FromResult(_storage.State.Standings.GetValueOrDefault(inspectionId));

    public Task<IReadOnlyList<Standing>> ListAsync() =>
        Task.FromResult<IReadOnlyList<Standing>>([.. _storage.State.Standings.Values.OrderBy(s => s.InspectionId, StringComparer.Ordinal)]);

    // After a write conflict: take what the other activation stored, keep the newer standing of each
    // inspection, and hold the union (the writer writes it next).
    private async Task MergeStoredAsync()
    {
        var mine = _storage.State.Standings;
        try
        {
            await _storage.ReadStateAsync();
        }
        catch (Exception)
        {
            // Keep what this activation holds; the next attempt reads again.
            _storage.State.Standings = mine;
            await Task.Delay(Publication.RetryAfter, _time);
            return;
        }

        var merged = _storage.State.Standings;
        foreach (var (inspectionId, standing) in mine)
        {
            if (!merged.TryGetValue(inspectionId, out var theirs) || theirs.Version < standing.Version)
            {
                merged[inspectionId] = standing;
            }
        }

        var changed = false;
        foreach (var standing in merged.Values)
        {
            changed |= _aggregate.Replace(standing);
        }

        if (changed)
        {
            AnnounceNewVersion();
        }
    }

    // Figures changed: a new version, and every watcher waiting for one wakes.
    private void AnnounceNewVersion()
    {
        _version++;
        var waiting = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting.TrySetResult();
    }
}
