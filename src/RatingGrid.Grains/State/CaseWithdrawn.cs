namespace RatingGrid.Grains.State;

/// <summary>A case was withdrawn at a new revision.</summary>
internal sealed record CaseWithdrawn(string CaseId, long Revision, string Actor, DateTimeOffset At) : JournalEvent(Actor, At);
