namespace RatingGrid.Domain.Ledger;

/// <summary>A breakdown attribute of a case (a trait), such as gender or practitioner grade.</summary>
/// <remarks>A value: a judgement holds a dozen answers and a trait or two, and there are millions of judgements.</remarks>
public readonly record struct CaseTrait(string Name, string Value);

/// <summary>The answer to one key question.</summary>
public readonly record struct KeyQuestionAnswer(string KeyQuestionId, Answer Answer);

/// <summary>
/// One revision of an inspected case: its type, breakdown attributes and answers. A judgement may
/// answer only some key questions; a later revision replaces the case whole.
/// </summary>
public sealed record CaseJudgement(
    string CaseId,
    long Revision,
    string CaseType,
    IReadOnlyList<CaseTrait> Attributes,
    IReadOnlyList<KeyQuestionAnswer> Answers);
