using Orleans.Serialization.Cloning;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>How a <see cref="KeyQuestionResult"/> travels between silos.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.KeyQuestionView")]
public readonly record struct KeyQuestionResultSurrogate(
    [property: Id(0)] string KeyQuestionId,
    [property: Id(1)] string StandardId,
    [property: Id(2)] int Yes,
    [property: Id(3)] int No,
    [property: Id(4)] int NotApplicable,
    [property: Id(5)] bool HasData,
    [property: Id(6)] double? ExactPercent,
    [property: Id(7)] int? RoundedPercent);

/// <summary>Converts key-question figures for the wire; being immutable, they pass between grains of one silo uncopied.</summary>
[RegisterConverter, RegisterCopier]
public sealed class KeyQuestionResultSurrogateConverter : ShallowCopier<KeyQuestionResult>, IConverter<KeyQuestionResult, KeyQuestionResultSurrogate>
{
    public KeyQuestionResult ConvertFromSurrogate(in KeyQuestionResultSurrogate s) =>
        new(s.KeyQuestionId, s.StandardId, new AnswerTally(s.Yes, s.No, s.NotApplicable), s.HasData, s.ExactPercent, s.RoundedPercent);

    public KeyQuestionResultSurrogate ConvertToSurrogate(in KeyQuestionResult value) =>
        new(value.KeyQuestionId, value.StandardId, value.Tally.Yes, value.Tally.No, value.Tally.NotApplicable, value.HasData, value.ExactPercent, value.RoundedPercent);
}
