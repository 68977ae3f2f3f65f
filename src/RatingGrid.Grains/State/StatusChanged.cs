using RatingGrid.Domain.Lifecycle;
using RatingGrid.Grains.Abstractions.Inspections;

namespace RatingGrid.Grains.State;

/// <summary>
/// The inspection moved in its lifecycle: closed, reopened, embargoed until <paramref name="PublishAt"/>,
/// published, or opened again for a correction (<paramref name="Reason"/>).
/// </summary>
internal sealed record StatusChanged(InspectionStatus Status, string Actor, DateTimeOffset At, DateTimeOffset? PublishAt = null, string? Reason = null)
    : JournalEvent(Actor, At)
{
    /// <summary>Whether the record needs the lifecycle encoding (the plain status one predates embargoes and corrections).</summary>
    public bool IsLifecycle => Status > InspectionStatus.Closed || PublishAt is not null || Reason is not null;

    public LifecycleEntry ToEntry() => new(Status, Actor, At, PublishAt, Reason);
}
