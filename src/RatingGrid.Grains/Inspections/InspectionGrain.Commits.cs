using RatingGrid.Grains.Commits;

namespace RatingGrid.Grains.Inspections;

/// <summary>
/// The inspection as its commit queue and its reminders see it: what a commit captures and writes,
/// what a commit makes visible (the view, the local copy, the standing published, the waiting
/// watches woken), and the reminders' ticks.
/// </summary>
internal sealed partial class InspectionGrain
{
    // Loading publishes whatever the journal holds, so a tick's work is only to drop the reminder once
    // the newest version is confirmed and nothing has changed for a whole period.
    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == EmbargoReminder.Name)
        {
            await EmbargoEndsAsync();
            return;
        }

        _reminder.Ticked();
        await EnsureLoadedAsync();
        await _reminder.DropIfAsync(() => _committed is null
            || (_publisher.Confirmed >= _committed.Version && _time.GetElapsedTime(_lastCommittedAt) >= _publication.PendingCheckPeriod));
    }

    void ICommitTarget<CommitCapture>.Count() => _stored.Count();

    CommitCapture ICommitTarget<CommitCapture>.Capture() => new(_stored.Capture(), _stored.View(), _stored.Standing());

    // The reminder is registered alongside the first write it must outlive, never after its acknowledgement.
    Task ICommitTarget<CommitCapture>.WriteAsync(CommitCapture capture) => Task.WhenAll(_stored.WriteAsync(capture.Write), _reminder.EnsureAsync());

    async Task ICommitTarget<CommitCapture>.ReloadAsync()
    {
        await _stored.LoadAsync();
        ShowStored();
    }

    void ICommitTarget<CommitCapture>.Committed(CommitCapture capture, int changes)
    {
        _committed = capture.View;
        _views.Set(InspectionId, _committed);
        _lastCommittedAt = _time.GetTimestamp();
        _publisher.Publish(capture.Standing);
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    void ICommitTarget<CommitCapture>.Poisoned() => DeactivateOnIdle();
}
