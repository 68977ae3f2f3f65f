namespace RatingGrid.Domain.Ledger;

/// <summary>A case as the ledger holds it: its latest judgement, and whether a later revision withdrew it.</summary>
public sealed record CaseState(CaseJudgement Judgement, long Revision, bool IsWithdrawn);
