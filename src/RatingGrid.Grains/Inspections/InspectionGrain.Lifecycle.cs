using RatingGrid.Domain.Lifecycle;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.State;

namespace RatingGrid.Grains.Inspections;

/// <summary>The inspection's lifecycle: close, reopen, embargo, publication (by hand or at the embargo's end), correction.</summary>
internal sealed partial class InspectionGrain
{
    public async Task<InspectionView> EmbargoAsync(DateTimeOffset publishAt, string actor)
    {
        await EnsureLoadedAsync();
        // Refused moves must not move a valid embargo's reminder; the commit checks again.
        if (_stored.Ledger is not null && InspectionLifecycle.Refusal(_stored.Status, InspectionStatus.Embargoed) is null)
        {
            await _embargo.RegisterAsync(publishAt);
        }

        return await MoveAsync(actor, InspectionStatus.Embargoed, publishAt: publishAt);
    }

    public Task<InspectionView> PublishAsync(string actor) => MoveAsync(actor, InspectionStatus.Published);

    public async Task<InspectionView> CorrectAsync(string reason, string actor)
    {
        await EnsureLoadedAsync();
        if (_stored.Ledger is not null && _stored.Report is null && _stored.Status == InspectionStatus.Published)
        {
            // The published figures stay in place while the correction is made: they are kept first.
            await _publisher.SecureAsync(_stored.Standing());
        }

        return await MoveAsync(actor, InspectionStatus.Open, reason: reason);
    }

    // One lifecycle step; asking for the status it already has (and the same publication time) changes nothing.
    private async Task<InspectionView> MoveAsync(string actor, InspectionStatus to, DateTimeOffset? publishAt = null, string? reason = null)
    {
        await EnsureLoadedAsync();
        await _commits.CommitAsync(() =>
        {
            RequireOpen(allowClosed: true);
            ChangeChecks.RequireActor(actor);
            var correcting = reason is not null;
            if (_stored.Status == to && !correcting && _stored.PublishAt == publishAt)
            {
                return Unchanged(true);
            }

            if (InspectionLifecycle.Refusal(_stored.Status, to, correcting) is { } refusal)
            {
                throw new InspectionStateException($"Inspection '{InspectionId}' cannot become {InspectionLifecycle.Name(to)}: {refusal}.");
            }

            _stored.SetStatus(to, actor, publishAt, reason);
            return Changed(true);
        });
        return _committed!;
    }

    // Publishes once the embargo's time has come; a tick with nothing (more) to publish drops the reminder.
    private async Task EmbargoEndsAsync()
    {
        await EnsureLoadedAsync();
        if (_stored.Status == InspectionStatus.Embargoed && _stored.PublishAt is { } at && at > _time.GetUtcNow())
        {
            await _embargo.RegisterAsync(at); // embargoed again until later: due then
            return;
        }

        if (_stored.Status == InspectionStatus.Embargoed)
        {
            await MoveAsync(EmbargoReminder.Actor, InspectionStatus.Published);
        }

        await _embargo.DropAsync();
    }
}
