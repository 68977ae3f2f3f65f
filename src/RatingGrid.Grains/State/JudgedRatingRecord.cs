using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Grains.State;

/// <summary>A judged standard's rating, with who set it and when.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.JudgedRatingRecord.v1")]
public sealed record JudgedRatingRecord(
    [property: Id(0)] Rating Rating,
    [property: Id(1)] string Rationale,
    [property: Id(2)] string Actor,
    [property: Id(3)] DateTimeOffset SetAt);
