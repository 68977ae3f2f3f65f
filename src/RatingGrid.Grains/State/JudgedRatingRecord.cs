using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Grains.State;

/// <summary>A judged standard's rating, with who set it and when.</summary>
internal sealed record JudgedRatingRecord(Rating Rating, string Rationale, string Actor, DateTimeOffset SetAt);
