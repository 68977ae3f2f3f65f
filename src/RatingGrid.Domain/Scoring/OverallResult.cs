using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Scoring;

/// <summary>The overall rating, or while any standard is unrated, what it can still become.</summary>
/// <param name="Score">Points of the rated standards so far.</param>
/// <param name="Rating">The overall rating; null while provisional.</param>
/// <param name="PossibleRatings">Overall ratings some completion of the unrated standards reaches, worst first.</param>
public sealed record OverallResult(
    int Score,
    int MaxScore,
    Rating? Rating,
    bool IsProvisional,
    int LowestReachableScore,
    int HighestReachableScore,
    IReadOnlyList<Rating> PossibleRatings);
