using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Grains.Abstractions.Inspections;

/// <summary>Sets (a rating and rationale) or clears (no rating) a judged standard's rating.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.JudgedRatingInput")]
public sealed record JudgedRatingInput(
    [property: Id(0)] string StandardId,
    [property: Id(1)] Rating? Rating,
    [property: Id(2)] string? Rationale,
    [property: Id(3)] string Actor);
