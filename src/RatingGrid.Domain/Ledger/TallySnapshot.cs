using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Ledger;

/// <summary>A copy of an inspection's counters, overall and per slice, for pooling.</summary>
public sealed record TallySnapshot(
    RulebookKey Rulebook,
    int Cases,
    IReadOnlyList<AnswerTally> KeyQuestions,
    IReadOnlyDictionary<BreakdownKey, BreakdownTally> Breakdowns);
