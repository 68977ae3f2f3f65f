using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
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
/// A region (forwarding to the nation) or the nation. Publishing returns at once; the figures move
/// in memory straight away, and storage writes and forwarding run behind, coalesced: whatever
/// arrives while one is under way goes in the next. Summaries replace by version, so a retried,
/// repeated or late publication never counts twice.
/// </summary>
[Reentrant]
internal sealed partial class AggregateGrain(
    [PersistentState("aggregate", StorageNames.Inspections)] IPersistentState<AggregateState> storage,
    RulebookCatalog rulebooks,
    TimeProvider time,
    ILogger<AggregateGrain> logger) : Grain, IAggregateGrain
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    // An aggregate's state is every summary it holds, so writing it is costly; and it can be rebuilt
    // (inspections republish when they activate), so it is written at most this often, and on deactivation.
    private static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, InspectionSummary> _toForward = new(StringComparer.Ordinal);
    private Aggregate _aggregate = null!;
    private long _version;
    private bool _dirty;
    private bool _writing;
    private bool _forwarding;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private bool IsRegion => this.GetPrimaryKeyString() != IAggregateGrain.Nation;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _aggregate = new Aggregate(rulebooks);
        foreach (var summary in storage.State.Summaries.Values)
        {
            _aggregate.Replace(summary.ToDomain());
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            // Do not wait out the write interval: write what is held now.
            _dirty = false;
            await storage.WriteStateAsync(cancellationToken);
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
            _version++;
            var waiting = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting.TrySetResult();
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

        return Task.CompletedTask;
    }

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
            while (_dirty)
            {
                _dirty = false;
                try
                {
                    await storage.WriteStateAsync();
                    await Task.Delay(WriteInterval);
                }
                catch (Exception ex)
                {
                    _dirty = true;
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

    private async Task ForwardLoopAsync()
    {
        _forwarding = true;
        var nation = GrainFactory.GetGrain<IAggregateGrain>(IAggregateGrain.Nation);
        try
        {
            while (_toForward.Count > 0)
            {
                var batch = _toForward.Values.ToArray();
                _toForward.Clear();
                try
                {
                    await nation.PublishAsync(batch);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Aggregate {Key}: forwarding to the nation failed; retrying")]
    private partial void LogForwardFailed(string key, Exception exception);
}
