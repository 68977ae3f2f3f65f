using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Aggregation;

/// <summary>Counts of inspections by rating; null counts the unrated (or provisional overall).</summary>
/// <param name="Provisional">Of all counted, those whose rating is provisional: an overall rating not yet given (so the same as <paramref name="Unrated"/>), or a standard rated from only some of its key questions (counted under its rating too).</param>
/// <param name="NotPublished">Inspections recorded from a published report that did not give this rating: neither rated nor unrated, never guessed.</param>
public sealed record RatingCounts(IReadOnlyDictionary<Rating, int> ByRating, int Unrated, int Provisional = 0, int NotPublished = 0);
