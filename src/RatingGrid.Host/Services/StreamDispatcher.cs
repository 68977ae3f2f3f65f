using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.Abstractions.References;

namespace RatingGrid.Host.Services;

/// <summary>
/// For one judgement stream: at most one grain call in flight per inspection, and the batches that
/// arrive meanwhile travel together in the next call (and share its storage write). Each batch still
/// succeeds or fails on its own, and per inspection they are applied in the order received.
/// </summary>
/// <remarks>
/// A batch waits to be sent until <see cref="Flush"/>: the reader flushes whenever it would wait
/// (for the network, a region lookup or the in-flight limit), so batches already received go in one
/// call instead of the first alone and the rest after its write. The inspection the stream is in the
/// middle of may be held back a little longer (<see cref="FlushAllBut"/>), until the acknowledging
/// side, which answers batches in order, has nothing before it left to wait for (<see cref="Release"/>):
/// a client sending an inspection's batches one after another then has them stored in one write,
/// and one that waits for each acknowledgement is answered as soon as its batch is stored.
/// </remarks>
internal sealed class StreamDispatcher(IGrainFactory grains)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Waiting>> _waiting = new(StringComparer.Ordinal);
    private readonly HashSet<string> _calling = new(StringComparer.Ordinal);
    private readonly List<string> _unsent = [];

    /// <summary>Queues a batch for its inspection's next call, which <see cref="Flush"/> starts if none is in flight.</summary>
    public Task<BatchReceipt> Enqueue(string inspectionId, JudgementBatchInput batch)
    {
        var waiting = new Waiting(batch);
        lock (_lock)
        {
            if (!_waiting.TryGetValue(inspectionId, out var queue))
            {
                _waiting[inspectionId] = queue = [];
            }

            queue.Add(waiting);
            if (_calling.Add(inspectionId))
            {
                _unsent.Add(inspectionId);
            }
        }

        return waiting.Done.Task;
    }

    /// <summary>Starts a call for every inspection whose queued batches have none in flight.</summary>
    public void Flush() => FlushAllBut(held: null);

    /// <summary>
    /// As <see cref="Flush"/>, but keeps back the batches of <paramref name="held"/>, the inspection
    /// the stream is in the middle of: its next batches are likely the next to arrive, and waiting for
    /// them lets them share a write. Whoever then waits on a held batch must <see cref="Release"/> it.
    /// </summary>
    public void FlushAllBut(string? held)
    {
        List<string> starting;
        lock (_lock)
        {
            if (_unsent.Count == 0 || (_unsent.Count == 1 && _unsent[0] == held))
            {
                return;
            }

            starting = [.. _unsent];
            _unsent.Clear();
            if (held is not null && starting.Remove(held))
            {
                _unsent.Add(held);
            }
        }

        foreach (var inspectionId in starting)
        {
            _ = CallAsync(inspectionId);
        }
    }

    /// <summary>Starts the call for <paramref name="inspectionId"/> if its batches are held back; otherwise does nothing.</summary>
    public void Release(string inspectionId)
    {
        lock (_lock)
        {
            if (!_unsent.Remove(inspectionId))
            {
                return;
            }
        }

        _ = CallAsync(inspectionId);
    }

    private async Task CallAsync(string inspectionId)
    {
        var grain = grains.Get<IInspectionGrain>(inspectionId);
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
