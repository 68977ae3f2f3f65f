using RatingGrid.Domain.Ledger;

namespace RatingGrid.Grains.State;

/// <summary>One accepted change to a case: a judgement, or (with no judgement) a withdrawal.</summary>
internal sealed record JournalEntry(string CaseId, long Revision, string Actor, DateTimeOffset ReceivedAt, CaseJudgement? Judgement);
