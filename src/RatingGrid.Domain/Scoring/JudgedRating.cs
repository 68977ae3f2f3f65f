using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Scoring;

/// <summary>A judged standard's rating with the inspectors' rationale.</summary>
public sealed record JudgedRating(Rating Rating, string Rationale);
