namespace RatingGrid.Domain.Ledger;

/// <summary>
/// One revision of an inspected case: its type, breakdown attributes and answers. A judgement may
/// answer only some key questions; a later revision replaces the case whole.
/// </summary>
public sealed record CaseJudgement(
    string CaseId,
    long Revision,
    string CaseType,
    IReadOnlyList<CaseTrait> Traits,
    IReadOnlyList<KeyQuestionAnswer> Answers);
