using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>A standard's rating within a standing (null while unrated): part of a standing's wire shape.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.StandardRatingEntry")]
public sealed record StandardRatingEntry([property: Id(0)] string StandardId, [property: Id(1)] Rating? Rating);
