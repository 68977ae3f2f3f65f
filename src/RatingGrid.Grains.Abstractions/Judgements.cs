using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Grains;

/// <summary>One revision of one case, as a client sends it.</summary>
/// <remarks>
/// Its traits and answers are the Domain's own values (serialised through the surrogates below), so
/// the grain turns it into a <see cref="CaseJudgement"/> without copying them: this runs for every
/// judgement recorded, and copies were most of what recording one allocated.
/// </remarks>
[GenerateSerializer, Immutable, Alias("RatingGrid.JudgementInput")]
public sealed record JudgementInput(
    [property: Id(0)] string CaseId,
    [property: Id(1)] long Revision,
    [property: Id(2)] string CaseType,
    [property: Id(3)] IReadOnlyList<CaseTrait> Traits,
    [property: Id(4)] IReadOnlyList<KeyQuestionAnswer> Answers)
{
    public CaseJudgement ToDomain() => new(CaseId, Revision, CaseType, Traits, Answers);
}

/// <summary>How a <see cref="CaseTrait"/> travels between silos (the wire shape of the former TraitInput).</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.Trait")]
public readonly record struct CaseTraitSurrogate([property: Id(0)] string Name, [property: Id(1)] string Value);

[RegisterConverter]
public sealed class CaseTraitSurrogateConverter : IConverter<CaseTrait, CaseTraitSurrogate>
{
    public CaseTrait ConvertFromSurrogate(in CaseTraitSurrogate surrogate) => new(surrogate.Name, surrogate.Value);

    public CaseTraitSurrogate ConvertToSurrogate(in CaseTrait value) => new(value.Name, value.Value);
}

/// <summary>How a <see cref="KeyQuestionAnswer"/> travels between silos (the wire shape of the former AnswerInput).</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.AnswerInput")]
public readonly record struct KeyQuestionAnswerSurrogate([property: Id(0)] string KeyQuestionId, [property: Id(1)] Answer Answer);

[RegisterConverter]
public sealed class KeyQuestionAnswerSurrogateConverter : IConverter<KeyQuestionAnswer, KeyQuestionAnswerSurrogate>
{
    public KeyQuestionAnswer ConvertFromSurrogate(in KeyQuestionAnswerSurrogate surrogate) => new(surrogate.KeyQuestionId, surrogate.Answer);

    public KeyQuestionAnswerSurrogate ConvertToSurrogate(in KeyQuestionAnswer value) => new(value.KeyQuestionId, value.Answer);
}

/// <summary>Judgements to apply together, all or nothing, on behalf of <see cref="Actor"/>.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.JudgementBatch")]
public sealed record JudgementBatch([property: Id(0)] string Actor, [property: Id(1)] IReadOnlyList<JudgementInput> Judgements);

/// <summary>What a batch did, acknowledged only once durably written.</summary>
/// <param name="Version">The inspection's version once this batch (and any committed with it) is stored.</param>
/// <param name="Outcomes">One outcome per judgement, in batch order.</param>
[GenerateSerializer, Immutable, Alias("RatingGrid.BatchReceipt")]
public sealed record BatchReceipt(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<ChangeOutcome> Outcomes,
    [property: Id(2)] ResultsView Results);

/// <summary>One batch's result within <see cref="IInspectionGrain.RecordBatchesAsync"/>: a receipt, or the error that refused it.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.BatchResult")]
public sealed record BatchResult([property: Id(0)] BatchReceipt? Receipt, [property: Id(1)] Exception? Error);

/// <summary>What a single change did, acknowledged only once durably written.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.ChangeReceipt")]
public sealed record ChangeReceipt(
    [property: Id(0)] long Version,
    [property: Id(1)] ChangeOutcome Outcome,
    [property: Id(2)] ResultsView Results);

/// <summary>Sets (a rating and rationale) or clears (no rating) a judged standard's rating.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.JudgedRatingInput")]
public sealed record JudgedRatingInput(
    [property: Id(0)] string StandardId,
    [property: Id(1)] Rating? Rating,
    [property: Id(2)] string? Rationale,
    [property: Id(3)] string Actor);
