using RatingGrid.Grains.Abstractions.Errors;

namespace RatingGrid.Grains.Publication;

/// <summary>
/// The durable mark that an inspection has a change its region and the nation have not confirmed:
/// an Orleans reminder, registered before the first such change is acknowledged and dropped once
/// the inspection has been confirmed and quiet for a period. Should the inspection's host be lost,
/// the reminder wakes it on another, and it publishes again, with no client touching it.
/// </summary>
/// <remarks>Registration and removal never overlap (one at a time), so a removal cannot undo a registration made after it was decided.</remarks>
internal sealed class PublicationReminder(IGrainBase grain, TimeSpan period, TimeSpan budget, TimeProvider time)
{
    public const string Name = "publication-pending";

    private Task _previous = Task.CompletedTask;
    private IGrainReminder? _reminder;
    private bool _registered;

    /// <summary>Registers the reminder unless this activation knows it is registered; bounded like any storage call.</summary>
    public async Task EnsureAsync()
    {
        if (_registered)
        {
            return;
        }

        await InTurnAsync(async () =>
        {
            try
            {
                if (!_registered)
                {
                    _reminder = await grain.RegisterOrUpdateReminder(Name, period, period).WaitAsync(budget, time);
                    _registered = true;
                }
            }
            catch (TimeoutException ex)
            {
                throw new StorageUnavailableException($"The reminder that keeps a change published could not be registered within {budget.TotalSeconds:0.#} s; nothing was acknowledged and a retry is safe.", ex);
            }
        });
    }

    /// <summary>The reminder ticked: it is registered, whatever this activation thought.</summary>
    public void Ticked() => _registered = true;

    /// <summary>Drops the reminder if <paramref name="stillClean"/> holds once it is this call's turn.</summary>
    public async Task DropIfAsync(Func<bool> stillClean)
    {
        await InTurnAsync(async () =>
        {
            if (!stillClean())
            {
                return;
            }

            _reminder ??= await grain.GetReminder(Name);
            if (_reminder is not null)
            {
                await grain.UnregisterReminder(_reminder);
            }

            (_reminder, _registered) = (null, false);
        });
    }

    // One operation at a time, in the order asked; the grain's scheduler runs this code on one thread, so a field will do as the queue.
    private async Task InTurnAsync(Func<Task> operation)
    {
        var previous = _previous;
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _previous = mine.Task;
        try
        {
            await previous;
            await operation();
        }
        finally
        {
            mine.SetResult();
        }
    }
}
