namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>One breakdown's counts: part of a standing's wire shape.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.SliceData")]
public sealed record BreakdownTallyData([property: Id(0)] string Dimension, [property: Id(1)] string Value, [property: Id(2)] int Cases, [property: Id(3)] TallyData Tallies);
