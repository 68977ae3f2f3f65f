using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Aggregation;

/// <summary>Pooled figures for one rulebook.</summary>
public sealed record PooledFigures(
    RulebookKey Rulebook,
    int Inspections,
    int Cases,
    IReadOnlyList<KeyQuestionResult> KeyQuestions,
    IReadOnlyList<PooledBreakdown> Breakdowns);
