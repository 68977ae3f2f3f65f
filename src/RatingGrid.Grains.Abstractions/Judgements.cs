using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Grains;

/// <summary>A breakdown trait of a case (gender, practitioner grade, ...).</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.Trait")]
public readonly record struct TraitInput([property: Id(0)] string Name, [property: Id(1)] string Value);

/// <summary>The answer to one key question.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.AnswerInput")]
public readonly record struct AnswerInput([property: Id(0)] string KeyQuestionId, [property: Id(1)] Answer Answer);

/// <summary>One revision of one case, as a client sends it.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.JudgementInput")]
public sealed record JudgementInput(
    [property: Id(0)] string CaseId,
    [property: Id(1)] long Revision,
    [property: Id(2)] string CaseType,
    [property: Id(3)] IReadOnlyList<TraitInput> Traits,
    [property: Id(4)] IReadOnlyList<AnswerInput> Answers)
{
    // Runs for every judgement recorded: exact-size arrays, no enumerators.
    public CaseJudgement ToDomain()
    {
        var traits = new CaseTrait[Traits.Count];
        for (var i = 0; i < traits.Length; i++)
        {
            traits[i] = new CaseTrait(Traits[i].Name, Traits[i].Value);
        }

        var answers = new KeyQuestionAnswer[Answers.Count];
        for (var i = 0; i < answers.Length; i++)
        {
            answers[i] = new KeyQuestionAnswer(Answers[i].KeyQuestionId, Answers[i].Answer);
        }

        return new CaseJudgement(CaseId, Revision, CaseType, traits, answers);
    }
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
