using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Ledger;

namespace RatingGrid.Host.Mapping;

/// <summary>Judgements between the wire and the Domain: the hot path of every batch received.</summary>
internal static class JudgementMapping
{
    // Runs for every judgement received: exact-size arrays, no enumerators.
    public static CaseJudgement ToDomain(this Judgement judgement)
    {
        var traits = new CaseTrait[judgement.Traits.Count];
        for (var i = 0; i < traits.Length; i++)
        {
            traits[i] = new CaseTrait(judgement.Traits[i].Name, judgement.Traits[i].Value);
        }

        var answers = new Domain.Ledger.KeyQuestionAnswer[judgement.Answers.Count];
        for (var i = 0; i < answers.Length; i++)
        {
            answers[i] = new Domain.Ledger.KeyQuestionAnswer(judgement.Answers[i].KeyQuestionId, judgement.Answers[i].Answer.ToDomain());
        }

        return new CaseJudgement(judgement.CaseId, judgement.Revision, judgement.CaseType, traits, answers);
    }

    public static Judgement ToWire(this CaseJudgement judgement) => new()
    {
        CaseId = judgement.CaseId,
        Revision = judgement.Revision,
        CaseType = judgement.CaseType,
        Traits = { judgement.Traits.Select(t => new Trait { Name = t.Name, Value = t.Value }) },
        Answers = { judgement.Answers.Select(a => new Contracts.V1.KeyQuestionAnswer { KeyQuestionId = a.KeyQuestionId, Answer = a.Answer.ToWire() }) },
    };
}
