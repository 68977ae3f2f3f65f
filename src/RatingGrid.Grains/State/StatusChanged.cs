using RatingGrid.Grains.Abstractions.Inspections;

namespace RatingGrid.Grains.State;

/// <summary>The inspection was closed to changes or reopened.</summary>
internal sealed record StatusChanged(InspectionStatus Status, string Actor, DateTimeOffset At) : JournalEvent(Actor, At);
