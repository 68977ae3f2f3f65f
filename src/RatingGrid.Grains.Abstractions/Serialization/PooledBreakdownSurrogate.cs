using Orleans.Serialization.Cloning;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>How a <see cref="PooledBreakdown"/> travels between silos.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.PooledBreakdown")]
public readonly record struct PooledBreakdownSurrogate(
    [property: Id(0)] string Dimension,
    [property: Id(1)] string Value,
    [property: Id(2)] int Cases,
    [property: Id(3)] IReadOnlyList<KeyQuestionResult> KeyQuestions);

/// <summary>Converts pooled breakdowns for the wire; being immutable, they pass between grains of one silo uncopied.</summary>
[RegisterConverter, RegisterCopier]
public sealed class PooledBreakdownSurrogateConverter : ShallowCopier<PooledBreakdown>, IConverter<PooledBreakdown, PooledBreakdownSurrogate>
{
    public PooledBreakdown ConvertFromSurrogate(in PooledBreakdownSurrogate s) => new(new BreakdownKey(s.Dimension, s.Value), s.Cases, s.KeyQuestions);

    public PooledBreakdownSurrogate ConvertToSurrogate(in PooledBreakdown value) => new(value.Key.Dimension, value.Key.Value, value.Cases, value.KeyQuestions);
}
