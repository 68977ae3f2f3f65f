using RatingGrid.Domain.Ledger;

namespace RatingGrid.Grains.State;

/// <summary>A revision of a case was accepted.</summary>
internal sealed record CaseJudged(CaseJudgement Judgement, string Actor, DateTimeOffset At) : JournalEvent(Actor, At);
