using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Aggregation;

/// <summary>Pooled figures of one breakdown.</summary>
public sealed record PooledBreakdown(BreakdownKey Key, int Cases, IReadOnlyList<KeyQuestionResult> KeyQuestions);
