using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Ledger;

/// <summary>Checks a batch of judgements as a whole before any of it is applied.</summary>
public static class BatchValidator
{
    public const string Field = "judgements";

    /// <summary>
    /// Every violation in the batch, with fields such as <c>judgements[3].answers[0].answer</c>; fills
    /// <paramref name="resolved"/> with each judgement's answers by key-question index.
    /// </summary>
    public static IReadOnlyList<FieldViolation> Validate(Rulebook rulebook, IReadOnlyList<CaseJudgement> judgements, Answer[][] resolved)
    {
        if (judgements.Count == 0)
        {
            return [new FieldViolation(Field, "must hold at least one judgement")];
        }

        List<FieldViolation>? violations = null;
        Dictionary<string, int>? firstAt = null;
        for (var i = 0; i < judgements.Count; i++)
        {
            var judgement = judgements[i];
            resolved[i] = new Answer[rulebook.KeyQuestions.Count];
            foreach (var violation in JudgementValidator.Validate(rulebook, judgement, resolved[i]))
            {
                (violations ??= []).Add(violation with { Field = $"{Field}[{i}].{violation.Field}" });
            }

            if (string.IsNullOrEmpty(judgement.CaseId) || judgements.Count == 1)
            {
                continue;
            }

            firstAt ??= new Dictionary<string, int>(judgements.Count, StringComparer.Ordinal);
            if (!firstAt.TryAdd(judgement.CaseId, i) && !Identical(judgements[firstAt[judgement.CaseId]], judgement))
            {
                (violations ??= []).Add(new FieldViolation($"{Field}[{i}].case_id",
                    $"case '{judgement.CaseId}' appears twice in the batch with different content (first at {Field}[{firstAt[judgement.CaseId]}]); send one judgement per case"));
            }
        }

        return violations ?? (IReadOnlyList<FieldViolation>)[];
    }

    private static bool Identical(CaseJudgement a, CaseJudgement b) =>
        a.Revision == b.Revision
        && a.CaseType == b.CaseType
        && a.Traits.Count == b.Traits.Count && a.Traits.All(b.Traits.Contains)
        && a.Answers.Count == b.Answers.Count && a.Answers.All(b.Answers.Contains);
}
