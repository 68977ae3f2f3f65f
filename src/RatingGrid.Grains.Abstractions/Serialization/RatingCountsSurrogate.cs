using Orleans.Serialization.Cloning;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>How <see cref="RatingCounts"/> travel between silos: index i counts <see cref="Rating"/> i (Inadequate first).</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.RatingCountsView")]
public readonly record struct RatingCountsSurrogate([property: Id(0)] IReadOnlyList<int> ByRating, [property: Id(1)] int Unrated, [property: Id(2)] int Provisional);

/// <summary>Converts rating counts for the wire; being immutable, they pass between grains of one silo uncopied.</summary>
[RegisterConverter, RegisterCopier]
public sealed class RatingCountsSurrogateConverter : ShallowCopier<RatingCounts>, IConverter<RatingCounts, RatingCountsSurrogate>
{
    public RatingCounts ConvertFromSurrogate(in RatingCountsSurrogate s)
    {
        var byRating = new Dictionary<Rating, int>(RatingNames.Scale.Count);
        foreach (var rating in RatingNames.Scale)
        {
            byRating[rating] = s.ByRating[(int)rating];
        }

        return new RatingCounts(byRating, s.Unrated, s.Provisional);
    }

    public RatingCountsSurrogate ConvertToSurrogate(in RatingCounts value)
    {
        var byRating = new int[RatingNames.Scale.Count];
        foreach (var rating in RatingNames.Scale)
        {
            byRating[(int)rating] = value.ByRating[rating];
        }

        return new RatingCountsSurrogate(byRating, value.Unrated, value.Provisional);
    }
}
