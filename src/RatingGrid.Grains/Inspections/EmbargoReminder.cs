using RatingGrid.Grains.Abstractions.Errors;

namespace RatingGrid.Grains.Inspections;

/// <summary>
/// Publication at the end of an embargo: a durable Orleans reminder due at the publication time
/// (and every 10 s after, should a publication fail or the whole cluster be down at the time), registered before the embargo is written, so
/// no acknowledged embargo is ever without it; a tick that finds nothing to publish drops it.
/// Reminders live in the cluster's reminder table, so a restart in between changes nothing.
/// </summary>
internal sealed class EmbargoReminder(IGrainBase grain, TimeSpan budget, TimeProvider time)
{
    public const string Name = "embargo-ends";

    /// <summary>Who the audit trail names for a publication the embargo's end made.</summary>
    public const string Actor = "ratinggrid (embargo ended)";

    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(10);

    public async Task RegisterAsync(DateTimeOffset publishAt)
    {
        var due = publishAt - time.GetUtcNow();
        try
        {
            await grain.RegisterOrUpdateReminder(Name, due > TimeSpan.Zero ? due : TimeSpan.Zero, Retry).WaitAsync(budget, time);
        }
        catch (TimeoutException ex)
        {
            throw new StorageUnavailableException($"The reminder that publishes the inspection at the embargo's end could not be registered within {budget.TotalSeconds:0.#} s; nothing was changed and a retry is safe.", ex);
        }
    }

    public async Task DropAsync()
    {
        if (await grain.GetReminder(Name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
