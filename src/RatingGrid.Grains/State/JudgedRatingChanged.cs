using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Grains.State;

/// <summary>A judged standard's rating was set (with its rationale) or, with no rating, cleared.</summary>
internal sealed record JudgedRatingChanged(string StandardId, Rating? Rating, string? Rationale, string Actor, DateTimeOffset At) : JournalEvent(Actor, At);
