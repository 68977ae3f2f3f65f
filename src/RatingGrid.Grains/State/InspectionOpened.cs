using RatingGrid.Grains.Abstractions.Inspections;

namespace RatingGrid.Grains.State;

/// <summary>The inspection was opened with these details; always the first event of a journal.</summary>
internal sealed record InspectionOpened(InspectionDetails Details, string Actor, DateTimeOffset At) : JournalEvent(Actor, At);
