using Microsoft.Extensions.Logging;
using Orleans.Storage;
using RatingGrid.Grains.State;

namespace RatingGrid.Grains.Aggregates;

/// <summary>
/// Writes an aggregate's state behind its publications: at most one write per
/// <see cref="WriteInterval"/>, each holding every change since the last. A publication is durable
/// once a write holding it lands. Aggregates can be rebuilt from their inspections, so a failed
/// write is retried, never fatal; a write conflict (another activation wrote) is merged, never overwritten.
/// </summary>
/// <remarks>Runs on its grain's scheduler, so it needs no locks.</remarks>
internal sealed partial class CoalescingWriter(
    IPersistentState<AggregateState> storage,
    Func<Task> mergeStoredAsync,
    string key,
    TimeProvider time,
    ILogger logger)
{
    // An aggregate's state is every standing it holds, so writing it is costly.
    private static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(2);

    private bool _dirty;
    private bool _writing;
    private bool _stopped;
    private TaskCompletionSource? _nextWrite;
    private Task? _currentWrite;

    /// <summary>Something changed: it goes in the next write.</summary>
    public void MarkDirty()
    {
        _dirty = true;
        if (!_writing && !_stopped)
        {
            _ = WriteLoopAsync();
        }
    }

    /// <summary>Completes once everything changed so far is in storage.</summary>
    public Task Durable() =>
        _dirty ? (_nextWrite ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task
        : _currentWrite ?? Task.CompletedTask;

    /// <summary>On deactivation: stop the loop and write what is held now, without waiting out the interval.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        _stopped = true;
        if (!_dirty)
        {
            return;
        }

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

    private async Task WriteLoopAsync()
    {
        _writing = true;
        try
        {
            while (!_stopped && _dirty)
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
                    await Task.Delay(WriteInterval, time);
                }
                catch (InconsistentStateException ex)
                {
                    // Another activation of this aggregate wrote since this one read (losing a silo can
                    // leave one running twice for a while). Writing again with the old ETag would fail
                    // for ever: merge what it wrote, and write the union; publishers wait for that write
                    // rather than failing.
                    LogConflict(key, ex.Message);
                    _currentWrite = null;
                    _dirty = true;
                    WaitForNextWrite(included);
                    await mergeStoredAsync();
                }
                catch (Exception ex)
                {
                    // Its publishers fail and publish again; the changes stay held and are written next time.
                    _currentWrite = null;
                    _dirty = true;
                    included.TrySetException(ex);
                    LogWriteFailed(key, ex);
                    await Task.Delay(Publication.RetryAfter, time);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Aggregate {Key}: storage write failed; retrying")]
    private partial void LogWriteFailed(string key, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Aggregate {Key}: written by another activation since read; merging and writing again. {Reason}")]
    private partial void LogConflict(string key, string reason);
}
