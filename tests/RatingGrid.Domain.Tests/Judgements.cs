using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Tests;

/// <summary>Terse builders for case judgements.</summary>
internal static class Judgements
{
    public static CaseJudgement Case(string caseId, long revision, params (string KeyQuestion, Answer Answer)[] answers) =>
        Case(caseId, revision, "community", [], answers);

    public static CaseJudgement Case(string caseId, long revision, string caseType, CaseTrait[] traits, params (string KeyQuestion, Answer Answer)[] answers) =>
        new(caseId, revision, caseType, traits, [.. answers.Select(a => new KeyQuestionAnswer(a.KeyQuestion, a.Answer))]);

    /// <summary>Answers every key question of one standard the same way.</summary>
    public static (string, Answer)[] All(string standardId, Answer answer) =>
        [($"{standardId}.E", answer), ($"{standardId}.D", answer), ($"{standardId}.S", answer)];
}
