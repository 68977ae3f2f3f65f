using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Scoring;

/// <summary>The figures of one breakdown: its key questions and case-rated standards.</summary>
public sealed record BreakdownResult(
    BreakdownKey Key,
    int Cases,
    IReadOnlyList<KeyQuestionResult> KeyQuestions,
    IReadOnlyList<StandardResult> Standards)
{
    public static BreakdownResult From(Rulebook rulebook, BreakdownKey key, int cases, ReadOnlySpan<AnswerTally> tallies)
    {
        var keyQuestions = RatingEngine.KeyQuestionResults(rulebook, tallies);
        return new BreakdownResult(key, cases, keyQuestions, RatingEngine.RateCaseStandards(rulebook, keyQuestions));
    }
}
