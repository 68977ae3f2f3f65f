using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains.State;

/// <summary>Converts between stored records and the Domain's ledger.</summary>
internal static class StateCodec
{
    public static StoredJudgement Store(Rulebook rulebook, CaseJudgement judgement)
    {
        var answers = new byte[rulebook.KeyQuestions.Count];
        foreach (var answer in judgement.Answers)
        {
            rulebook.TryGetKeyQuestion(answer.KeyQuestionId, out var keyQuestion);
            answers[keyQuestion.Index] = (byte)answer.Answer;
        }

        return new StoredJudgement(judgement.CaseType, [.. judgement.Attributes.Select(t => new TraitInput(t.Name, t.Value))], answers);
    }

    public static CaseJudgement Load(Rulebook rulebook, string caseId, long revision, StoredJudgement stored)
    {
        var answers = new List<KeyQuestionAnswer>(stored.Answers.Length);
        for (var i = 0; i < stored.Answers.Length; i++)
        {
            if (stored.Answers[i] != 0)
            {
                answers.Add(new KeyQuestionAnswer(rulebook.KeyQuestions[i].Id, (Answer)stored.Answers[i]));
            }
        }

        return new CaseJudgement(caseId, revision, stored.CaseType, [.. stored.Traits.Select(t => new CaseTrait(t.Name, t.Value))], answers);
    }

    /// <summary>Rebuilds the ledger from stored state: one pass over the cases.</summary>
    public static InspectionLedger Ledger(Rulebook rulebook, InspectionState state) =>
        InspectionLedger.Restore(
            rulebook,
            state.Cases.Select(c => CaseState(rulebook, c.Key, c.Value)),
            state.JudgedRatings.ToDictionary(j => j.Key, j => new JudgedRating(j.Value.Rating, j.Value.Rationale)));

    public static CaseRevisionView View(Rulebook rulebook, string caseId, CaseRevisionRecord record) =>
        new(record.Revision, record.Judgement is null, record.Actor, record.ReceivedAt,
            record.Judgement is null ? null : Input(Load(rulebook, caseId, record.Revision, record.Judgement)));

    private static CaseState CaseState(Rulebook rulebook, string caseId, List<CaseRevisionRecord> history)
    {
        var latest = history[^1];
        var lastJudged = history.FindLast(r => r.Judgement is not null)
            ?? throw new InvalidOperationException($"Case '{caseId}' has a withdrawal but no judgement in storage.");
        var judgement = Load(rulebook, caseId, lastJudged.Revision, lastJudged.Judgement!);
        return new CaseState(judgement, latest.Revision, latest.Judgement is null);
    }

    private static JudgementInput Input(CaseJudgement j) =>
        new(j.CaseId, j.Revision, j.CaseType, [.. j.Attributes.Select(t => new TraitInput(t.Name, t.Value))], [.. j.Answers.Select(a => new AnswerInput(a.KeyQuestionId, a.Answer))]);
}
