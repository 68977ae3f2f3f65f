using Orleans.Serialization.Cloning;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>How a <see cref="BreakdownResult"/> travels between silos (the wire shape of the former BreakdownView).</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.BreakdownView")]
public readonly record struct BreakdownResultSurrogate(
    [property: Id(0)] string Dimension,
    [property: Id(1)] string Value,
    [property: Id(2)] int Cases,
    [property: Id(3)] IReadOnlyList<KeyQuestionResult> KeyQuestions,
    [property: Id(4)] IReadOnlyList<StandardResult> Standards);

/// <summary>Converts breakdown figures for the wire; being immutable, they pass between grains of one silo uncopied.</summary>
[RegisterConverter, RegisterCopier]
public sealed class BreakdownResultSurrogateConverter : ShallowCopier<BreakdownResult>, IConverter<BreakdownResult, BreakdownResultSurrogate>
{
    public BreakdownResult ConvertFromSurrogate(in BreakdownResultSurrogate s) =>
        new(new BreakdownKey(s.Dimension, s.Value), s.Cases, s.KeyQuestions, s.Standards);

    public BreakdownResultSurrogate ConvertToSurrogate(in BreakdownResult value) =>
        new(value.Key.Dimension, value.Key.Value, value.Cases, value.KeyQuestions, value.Standards);
}
