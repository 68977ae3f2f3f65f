using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.GrainDirectory;
using Orleans.Storage;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Grains;

/// <summary>What a region or the nation stores: the newest summary of each inspection it holds.</summary>
[GenerateSerializer, Alias("RatingGrid.AggregateState.v1")]
public sealed class AggregateState
{
    [Id(0)]
    public Dictionary<string, InspectionSummary> Summaries { get; set; } = [];
}

/// <summary>
/// A region (forwarding to the nation) or the nation. A publication moves the figures in memory at
/// once (readers see it straight away) and completes when a storage write holding it has landed;
/// writes are coalesced, at most one per <see cref="WriteInterval"/>, so publishers wait a little and
/// storage is spared. A publisher whose call fails publishes again, so a silo dying with unwritten
/// summaries loses none. Summaries replace by version, so a retried, repeated or late publication
/// never counts twice.
/// </summary>
[Reentrant]
[GrainDirectory(GrainDirectoryName = StorageNames.AggregateDirectory)]
internal sealed partial class AggregateGrain(
    [PersistentState("aggregate", StorageNames.Inspections)] IPersistentState<AggregateState> storage,
    RulebookCatalog rulebooks,
    TimeProvider time,
    ILogger<AggregateGrain> logger) : Grain, IAggregateGrain
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    // An aggregate's state is every summary it holds, so writing it is costly: it is written at most
    // this often (and on deactivation), each write holding every publication since the last.
    private static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, InspectionSummary> _toForward = new(StringComparer.Ordinal);
    private Aggregate _aggregate = null!;
    private long _version;
    private bool _dirty;
    private bool _writing;
    private TaskCompletionSource? _nextWrite;
    private Task? _currentWrite;
    private bool _forwarding;
    private bool _deactivating;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private bool IsRegion => this.GetPrimaryKeyString() != IAggregateGrain.Nation;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _aggregate = new Aggregate(rulebooks);
        foreach (var summary in storage.State.Summaries.Values)
        {
            _aggregate.Replace(summary.ToDomain());
        }

        // A region cannot know whether its last forwarding reached the nation before it went away;
        // sending everything again is harmless (replace by version) and heals the nation if not.
        if (IsRegion && storage.State.Summaries.Count > 0)
        {
            foreach (var summary in storage.State.Summaries.Values)
            {
                _toForward[summary.InspectionId] = summary;
            }

            _ = ForwardLoopAsync();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Background loops stop here: the state is written below, and a region's next activation
        // forwards everything it holds.
        _deactivating = true;
        if (_dirty)
        {
            // Do not wait out the write interval: write what is held now.
            _dirty = false;
            var waiting = _nextWrite;
            _nextWrite = null;
            try
            {
                await storage.WriteStateAsync(cancellationToken);
                waiting?.TrySetResult();
            }
            catch (Exception ex)
            {
                waiting?.TrySetException(ex);
                throw;
            }
        }
    }

    public Task PublishAsync(IReadOnlyList<InspectionSummary> summaries)
    {
        var changed = false;
        foreach (var summary in summaries)
        {
            if (_aggregate.Replace(summary.ToDomain()))
            {
                GrainMetrics.AggregationLag.Record((time.GetUtcNow() - summary.ChangedAt).TotalMilliseconds,
                    new KeyValuePair<string, object?>("scope", IsRegion ? "region" : "nation"));
                storage.State.Summaries[summary.InspectionId] = summary;
                _toForward[summary.InspectionId] = summary;
                changed = true;
            }
        }

        if (changed)
        {
            AnnounceNewVersion();
            _dirty = true;
            if (!_writing)
            {
                _ = WriteLoopAsync();
            }

            if (IsRegion && !_forwarding)
            {
                _ = ForwardLoopAsync();
            }
        }

        // Also when nothing changed: a publisher retrying after a failed write must wait for one that lands.
        return Durable();
    }

    // Completes once everything applied so far is in storage.
    private Task Durable() =>
        _dirty ? (_nextWrite ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task
        : _currentWrite ?? Task.CompletedTask;

    public Task<AggregateView> GetAsync() =>
        Task.FromResult(new AggregateView(this.GetPrimaryKeyString(), _version,
            [.. _aggregate.Rulebooks.Select(key => AggregateFiguresView.From(_aggregate.Figures(key)))]));

    public async Task<AggregateView?> WaitForChangeAsync(long afterVersion, TimeSpan timeout)
    {
        if (_version <= afterVersion)
        {
            try
            {
                await _changed.Task.WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }

        return await GetAsync();
    }

    public Task<InspectionSummary?> GetSummaryAsync(string inspectionId) =>
        Task.FromResult(storage.State.Summaries.GetValueOrDefault(inspectionId));

    public Task<IReadOnlyList<InspectionSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<InspectionSummary>>([.. storage.State.Summaries.Values.OrderBy(s => s.InspectionId, StringComparer.Ordinal)]);

    // Aggregates can be rebuilt from the inspections, so a failed write is retried, never fatal.
    private async Task WriteLoopAsync()
    {
        _writing = true;
        try
        {
            while (!_deactivating && _dirty)
            {
                _dirty = false;
                var included = _nextWrite ?? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _nextWrite = null;
                _currentWrite = included.Task;
                try
                {
                    await storage.WriteStateAsync();
                    _currentWrite = null;
                    included.TrySetResult();
                    await Task.Delay(WriteInterval);
                }
                catch (InconsistentStateException ex)
                {
                    // Another activation of this aggregate wrote since this one read (losing a silo can
                    // leave one running twice for a while). Writing again with the old ETag would fail
                    // for ever: take what it wrote, keep the newer summary of each inspection, and write
                    // the union; its publishers wait for that write rather than failing.
                    LogConflict(this.GetPrimaryKeyString(), ex.Message);
                    _currentWrite = null;
                    _dirty = true;
                    WaitForNextWrite(included);
                    await MergeStoredAsync();
                }
                catch (Exception ex)
                {
                    // Its publishers fail and publish again; the changes stay held and are written next time.
                    _currentWrite = null;
                    _dirty = true;
                    included.TrySetException(ex);
                    LogWriteFailed(this.GetPrimaryKeyString(), ex);
                    await Task.Delay(RetryAfter);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }

    private void WaitForNextWrite(TaskCompletionSource waiting)
    {
        if (_nextWrite is { } later)
        {
            _ = waiting.Task.ContinueWith(
                done => _ = done.Exception is { } error ? later.TrySetException(error.InnerExceptions) : later.TrySetResult(),
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        _nextWrite = waiting;
    }

    private async Task MergeStoredAsync()
    {
        var mine = storage.State.Summaries;
        try
        {
            await storage.ReadStateAsync();
        }
        catch (Exception ex)
        {
            // Keep what this activation holds; the next attempt reads again.
            LogWriteFailed(this.GetPrimaryKeyString(), ex);
            storage.State.Summaries = mine;
            await Task.Delay(RetryAfter);
            return;
        }

        var merged = storage.State.Summaries;
        foreach (var (inspectionId, summary) in mine)
        {
            if (!merged.TryGetValue(inspectionId, out var theirs) || theirs.Version < summary.Version)
            {
                merged[inspectionId] = summary;
            }
        }

        var changed = false;
        foreach (var summary in merged.Values)
        {
            changed |= _aggregate.Replace(summary.ToDomain());
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

    private async Task ForwardLoopAsync()
    {
        _forwarding = true;
        var nation = GrainFactory.GetGrain<IAggregateGrain>(IAggregateGrain.Nation);
        try
        {
            while (!_deactivating && _toForward.Count > 0)
            {
                var batch = _toForward.Values.ToArray();
                _toForward.Clear();
                try
                {
                    await nation.PublishAsync(batch).WaitAsync(IAggregateGrain.PublicationTimeout); // bounded, as inspections' publications are
                }
                catch (Exception ex)
                {
                    foreach (var summary in batch)
                    {
                        _toForward.TryAdd(summary.InspectionId, summary);
                    }

                    LogForwardFailed(this.GetPrimaryKeyString(), ex);
                    await Task.Delay(RetryAfter);
                }
            }
        }
        finally
        {
            _forwarding = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Aggregate {Key}: storage write failed; retrying")]
    private partial void LogWriteFailed(string key, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Aggregate {Key}: written by another activation since read; merging and writing again. {Reason}")]
    private partial void LogConflict(string key, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Aggregate {Key}: forwarding to the nation failed; retrying")]
    private partial void LogForwardFailed(string key, Exception exception);
}
