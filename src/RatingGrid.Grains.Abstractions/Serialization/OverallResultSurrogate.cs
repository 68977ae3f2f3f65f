using Orleans.Serialization.Cloning;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>How an <see cref="OverallResult"/> travels between silos.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.OverallView")]
public readonly record struct OverallResultSurrogate(
    [property: Id(0)] int Score,
    [property: Id(1)] int MaxScore,
    [property: Id(2)] Rating? Rating,
    [property: Id(3)] bool IsProvisional,
    [property: Id(4)] int LowestReachableScore,
    [property: Id(5)] int HighestReachableScore,
    [property: Id(6)] IReadOnlyList<Rating> PossibleRatings);

/// <summary>Converts overall ratings for the wire; being immutable, they pass between grains of one silo uncopied.</summary>
[RegisterConverter, RegisterCopier]
public sealed class OverallResultSurrogateConverter : ShallowCopier<OverallResult>, IConverter<OverallResult, OverallResultSurrogate>
{
    public OverallResult ConvertFromSurrogate(in OverallResultSurrogate s) =>
        new(s.Score, s.MaxScore, s.Rating, s.IsProvisional, s.LowestReachableScore, s.HighestReachableScore, s.PossibleRatings);

    public OverallResultSurrogate ConvertToSurrogate(in OverallResult value) =>
        new(value.Score, value.MaxScore, value.Rating, value.IsProvisional, value.LowestReachableScore, value.HighestReachableScore, value.PossibleRatings);
}
