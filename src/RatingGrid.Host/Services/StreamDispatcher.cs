using RatingGrid.Grains.Abstractions.Inspections;

namespace RatingGrid.Host.Services;

/// <summary>
/// For one judgement stream: at most one grain call in flight per inspection, and the batches that
/// arrive meanwhile travel together in the next call (and share its storage write). Each batch still
/// succeeds or fails on its own, and per inspection they are applied in the order received.
/// </summary>
internal sealed class StreamDispatcher(IGrainFactory grains)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Waiting>> _waiting = new(StringComparer.Ordinal);
    private readonly HashSet<string> _calling = new(StringComparer.Ordinal);

    public Task<BatchReceipt> Enqueue(string inspectionId, JudgementBatchInput batch)
    {
        var waiting = new Waiting(batch);
        bool start;
        lock (_lock)
        {
            if (!_waiting.TryGetValue(inspectionId, out var queue))
            {
                _waiting[inspectionId] = queue = [];
            }

            queue.Add(waiting);
            start = _calling.Add(inspectionId);
        }

        if (start)
        {
            _ = CallAsync(inspectionId);
        }

        return waiting.Done.Task;
    }

    private async Task CallAsync(string inspectionId)
    {
        var grain = grains.GetGrain<IInspectionGrain>(inspectionId);
        while (true)
        {
            List<Waiting> group;
            lock (_lock)
            {
                if (!_waiting.Remove(inspectionId, out group!) || group.Count == 0)
                {
                    _calling.Remove(inspectionId);
                    return;
                }
            }

            try
            {
                var results = await grain.RecordBatchesAsync([.. group.Select(w => w.Batch)]);
                for (var i = 0; i < group.Count; i++)
                {
                    if (results[i].Error is { } error)
                    {
                        group[i].Done.TrySetException(error);
                    }
                    else
                    {
                        group[i].Done.TrySetResult(results[i].Receipt!);
                    }
                }
            }
            catch (Exception ex)
            {
                foreach (var waiting in group)
                {
                    waiting.Done.TrySetException(ex);
                }
            }
        }
    }

    private sealed record Waiting(JudgementBatchInput Batch)
    {
        public TaskCompletionSource<BatchReceipt> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
