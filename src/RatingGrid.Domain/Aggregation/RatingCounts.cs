using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Aggregation;

/// <summary>Counts of inspections by rating; null counts the unrated (or provisional overall).</summary>
public sealed record RatingCounts(IReadOnlyDictionary<Rating, int> ByRating, int Unrated);
