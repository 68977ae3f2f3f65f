using Orleans.Serialization.Cloning;
using RatingGrid.Domain.Ledger;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>How a <see cref="CaseJudgement"/> travels between silos (the wire shape of the former JudgementInput).</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.JudgementInput")]
public readonly record struct CaseJudgementSurrogate(
    [property: Id(0)] string CaseId,
    [property: Id(1)] long Revision,
    [property: Id(2)] string CaseType,
    [property: Id(3)] IReadOnlyList<CaseTrait> Traits,
    [property: Id(4)] IReadOnlyList<KeyQuestionAnswer> Answers);

/// <summary>Converts judgements for the wire; being immutable, they pass between grains of one silo uncopied.</summary>
[RegisterConverter, RegisterCopier]
public sealed class CaseJudgementSurrogateConverter : ShallowCopier<CaseJudgement>, IConverter<CaseJudgement, CaseJudgementSurrogate>
{
    public CaseJudgement ConvertFromSurrogate(in CaseJudgementSurrogate surrogate) =>
        new(surrogate.CaseId, surrogate.Revision, surrogate.CaseType, surrogate.Traits, surrogate.Answers);

    public CaseJudgementSurrogate ConvertToSurrogate(in CaseJudgement value) =>
        new(value.CaseId, value.Revision, value.CaseType, value.Traits, value.Answers);
}
