using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Ledger;

/// <summary>One breakdown's counters.</summary>
public sealed record BreakdownTally(int Cases, IReadOnlyList<AnswerTally> KeyQuestions);
