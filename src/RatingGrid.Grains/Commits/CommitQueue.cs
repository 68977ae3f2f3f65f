using Microsoft.Extensions.Logging;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Grains.Diagnostics;
using RatingGrid.Grains.Storage;

namespace RatingGrid.Grains.Commits;

/// <summary>
/// Group commit for one inspection. A change is applied in memory at once, joins the next write, and
/// is acknowledged only once a write that holds it has landed; changes arriving while a write is in
/// flight share the next one. On a write conflict the target reloads and every waiting change is
/// applied again on top (never overwriting what another writer stored); on any other failure every
/// waiting change fails retryably and the target is poisoned until it reloads.
/// </summary>
/// <remarks>Used from one grain activation only, so it needs no locks.</remarks>
internal sealed partial class CommitQueue<TCapture>(ICommitTarget<TCapture> target, TimeProvider time, ILogger logger)
    where TCapture : class
{
    private const int MaxConflictRetries = 3;
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(5);

    private readonly List<IPendingChange> _queued = [];
    private IPendingChange? _last;
    private bool _writing;
    private bool _held;
    private bool _poisoned;

    /// <summary>
    /// Applies a change now and returns its outcome once a write holding it has landed. A change that
    /// alters nothing still waits for the writes already pending, since what it confirms may be in them.
    /// </summary>
    public async Task<T> CommitAsync<T>(Func<Change<T>> apply)
    {
        if (_poisoned)
        {
            throw new StorageUnavailableException($"Inspection '{target.InspectionId}' is reloading after a failed write; retry.");
        }

        var change = apply();
        if (!change.HasChanged)
        {
            await WhenDurableAsync();
            return change.Outcome;
        }

        target.Count();
        var pending = new PendingChange<T>(apply, change.Outcome);
        _queued.Add(pending);
        _last = pending;
        StartWritingIfNeeded();
        return await pending.Acknowledged;
    }

    /// <summary>Completes once every change applied so far is durable (or has failed).</summary>
    public async Task WhenDurableAsync()
    {
        if (_last is { IsFinished: false } pending)
        {
            await pending.Finished;
        }
    }

    /// <summary>Runs <paramref name="enqueue"/> with writes held back, so that every change it makes shares the next write.</summary>
    public void Together(Action enqueue)
    {
        _held = true;
        try
        {
            enqueue();
        }
        finally
        {
            _held = false;
            StartWritingIfNeeded();
        }
    }

    private void StartWritingIfNeeded()
    {
        if (!_writing && !_held && _queued.Count > 0)
        {
            _ = WriteLoopAsync();
        }
    }

    private async Task WriteLoopAsync()
    {
        _writing = true;
        try
        {
            while (_queued.Count > 0)
            {
                var group = _queued.ToArray();
                _queued.Clear();
                if (await TryWriteAsync(group) is not { } written)
                {
                    return;
                }

                target.Committed(written, group.Length);
                GrainMetrics.GroupCommitSize.Record(group.Length);
                foreach (var change in group)
                {
                    change.Acknowledge();
                }

                if (group.Length > 1 && _queued.Count < group.Length)
                {
                    // Under concurrency, the writers just acknowledged are about to send their next
                    // change; a moment's wait lets them join the next write instead of the one after.
                    await Task.Delay(Linger, time);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }

    // What was written, or null when the write failed and the group with it.
    private async Task<TCapture?> TryWriteAsync(IPendingChange[] group)
    {
        for (var attempt = 1; ; attempt++)
        {
            var started = time.GetTimestamp();
            Exception failure;
            try
            {
                var capture = target.Capture();
                await target.WriteAsync(capture);
                GrainMetrics.StorageWrites.Add(1);
                GrainMetrics.StorageWriteLatency.Record(time.GetElapsedTime(started).TotalMilliseconds);
                return capture;
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            if (failure is JournalConflictException conflict && attempt < MaxConflictRetries && await TryReapplyAsync(group, attempt, conflict))
            {
                continue; // applied again on top of what the other writer stored: write again
            }

            GrainMetrics.StorageWriteFailures.Add(1);
            LogWriteFailed(target.InspectionId, group.Length + _queued.Count, failure);
            Poison(group, failure);
            return null;
        }
    }

    // Another activation wrote since we read: take what it wrote and apply ours on top. False when
    // even reading it failed, and the write fails as any other.
    private async Task<bool> TryReapplyAsync(IPendingChange[] group, int attempt, JournalConflictException conflict)
    {
        LogConflict(target.InspectionId, attempt, conflict.Message);
        try
        {
            await target.ReloadAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogReloadFailed(target.InspectionId, ex);
            return false;
        }

        foreach (var change in group.Concat(_queued))
        {
            target.Count();
            change.Reapply();
        }

        return true;
    }

    // Memory now holds changes that storage may not: fail every waiting change, refuse new ones, and
    // let the next activation read what storage really holds.
    private void Poison(IPendingChange[] group, Exception cause)
    {
        _poisoned = true;
        var error = cause as StorageUnavailableException ?? new StorageUnavailableException(
            $"Inspection '{target.InspectionId}' could not be written ({cause.GetType().Name}); nothing was acknowledged and the change may be retried.");
        foreach (var change in group.Concat(_queued))
        {
            change.Fail(error);
        }

        _queued.Clear();
        target.Poisoned();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inspection {InspectionId}: another writer appended to its journal (write attempt {Attempt}); re-reading and re-applying. {Reason}")]
    private partial void LogConflict(string inspectionId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inspection {InspectionId}: re-reading after a write conflict failed")]
    private partial void LogReloadFailed(string inspectionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inspection {InspectionId}: write failed; {Changes} change(s) not acknowledged, reloading from storage")]
    private partial void LogWriteFailed(string inspectionId, int changes, Exception exception);
}
