using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Ledger;

/// <summary>A case as the ledger holds it: its latest judgement, and whether a later revision withdrew it.</summary>
public sealed record CaseState(CaseJudgement Judgement, long Revision, bool IsWithdrawn);

/// <summary>One breakdown slice's counters.</summary>
public sealed record SliceTally(int Cases, IReadOnlyList<AnswerTally> KeyQuestions);

/// <summary>A copy of an inspection's counters, overall and per slice, for pooling.</summary>
public sealed record TallySnapshot(
    RulebookKey Rulebook,
    int Cases,
    IReadOnlyList<AnswerTally> KeyQuestions,
    IReadOnlyDictionary<BreakdownKey, SliceTally> Breakdowns);

/// <summary>The figures of one breakdown slice: its key questions and case-rated standards.</summary>
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
