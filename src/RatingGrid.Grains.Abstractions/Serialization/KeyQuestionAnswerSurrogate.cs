using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>How a <see cref="KeyQuestionAnswer"/> travels between silos (the wire shape of the former AnswerInput).</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.AnswerInput")]
public readonly record struct KeyQuestionAnswerSurrogate([property: Id(0)] string KeyQuestionId, [property: Id(1)] Answer Answer);

[RegisterConverter]
public sealed class KeyQuestionAnswerSurrogateConverter : IConverter<KeyQuestionAnswer, KeyQuestionAnswerSurrogate>
{
    public KeyQuestionAnswer ConvertFromSurrogate(in KeyQuestionAnswerSurrogate surrogate) => new(surrogate.KeyQuestionId, surrogate.Answer);

    public KeyQuestionAnswerSurrogate ConvertToSurrogate(in KeyQuestionAnswer value) => new(value.KeyQuestionId, value.Answer);
}
