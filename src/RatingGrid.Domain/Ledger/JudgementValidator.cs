using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Ledger;

/// <summary>
/// Checks a change against a rulebook before anything is applied. It allocates nothing for a valid
/// judgement, because it runs on every judgement of every batch.
/// </summary>
public static class JudgementValidator
{
    private const Answer InvalidMarker = (Answer)(-1);

    /// <summary>
    /// Every violation of <paramref name="judgement"/> (empty when it may be applied); in the same
    /// pass, places each answer at its key question's index in
    /// <paramref name="resolved"/> (which must start all Unspecified).
    /// </summary>
    public static IReadOnlyList<FieldViolation> Validate(Rulebook rulebook, CaseJudgement judgement, Span<Answer> resolved)
    {
        List<FieldViolation>? violations = null;
        void Add(string field, string description) => (violations ??= []).Add(new FieldViolation(field, description));

        if (string.IsNullOrWhiteSpace(judgement.CaseId))
        {
            Add("case_id", "is required");
        }

        if (judgement.Revision < 1)
        {
            Add("revision", $"must be at least 1, not {judgement.Revision}");
        }

        if (string.IsNullOrWhiteSpace(judgement.CaseType))
        {
            Add("case_type", $"is required: one of {string.Join(", ", rulebook.CaseTypes)}");
        }
        else if (!rulebook.IsCaseType(judgement.CaseType))
        {
            Add("case_type", $"'{judgement.CaseType}' is not a case type of {rulebook.Key}; expected one of {string.Join(", ", rulebook.CaseTypes)}");
        }

        var traits = judgement.Traits;
        for (var i = 0; i < traits.Count; i++)
        {
            var trait = traits[i];
            if (string.IsNullOrWhiteSpace(trait.Name))
            {
                Add($"traits[{i}].name", "is required");
            }
            else if (trait.Name == BreakdownKey.CaseTypeDimension)
            {
                Add($"traits[{i}].name", $"'{BreakdownKey.CaseTypeDimension}' is reserved: set case_type instead");
            }
            else if (IndexOfTrait(traits, trait.Name, i) is var first and >= 0)
            {
                Add($"traits[{i}].name", $"'{trait.Name}' is given twice (first at traits[{first}])");
            }

            if (string.IsNullOrWhiteSpace(trait.Value))
            {
                Add($"traits[{i}].value", "is required");
            }
        }

        var answers = judgement.Answers;
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            var valid = answer.Answer is Answer.Yes or Answer.No or Answer.NotApplicable;
            if (!rulebook.TryGetKeyQuestion(answer.KeyQuestionId ?? "", out var keyQuestion))
            {
                Add($"answers[{i}].key_question_id", $"'{answer.KeyQuestionId}' is not a key question of {rulebook.Key}");
            }
            else if (resolved[keyQuestion.Index] != Answer.Unspecified)
            {
                Add($"answers[{i}].key_question_id", $"'{answer.KeyQuestionId}' is answered twice (first at answers[{IndexOfAnswer(answers, keyQuestion.Id, i)}])");
            }
            else
            {
                // An invalid answer still marks its key question as answered, so a repeat is caught;
                // the judgement is refused either way, so the marker never reaches a tally.
                resolved[keyQuestion.Index] = valid ? answer.Answer : InvalidMarker;
            }

            if (!valid)
            {
                Add($"answers[{i}].answer", "must be Yes, No or Not applicable");
            }
        }

        return violations ?? (IReadOnlyList<FieldViolation>)[];
    }

    /// <summary>Checks a withdrawal's own fields.</summary>
    public static IReadOnlyList<FieldViolation> ValidateWithdrawal(string caseId, long revision)
    {
        List<FieldViolation>? violations = null;
        if (string.IsNullOrWhiteSpace(caseId))
        {
            (violations ??= []).Add(new FieldViolation("case_id", "is required"));
        }

        if (revision < 1)
        {
            (violations ??= []).Add(new FieldViolation("revision", $"must be at least 1, not {revision}"));
        }

        return violations ?? (IReadOnlyList<FieldViolation>)[];
    }

    /// <summary>Checks that a judged rating targets a judged standard of the rulebook.</summary>
    public static IReadOnlyList<FieldViolation> ValidateJudgedRating(Rulebook rulebook, string standardId, Rating? rating, string? rationale, bool clearing)
    {
        List<FieldViolation>? violations = null;
        void Add(string field, string description) => (violations ??= []).Add(new FieldViolation(field, description));

        if (!rulebook.TryGetStandard(standardId ?? "", out var standard))
        {
            Add("standard_id", $"'{standardId}' is not a standard of {rulebook.Key}");
        }
        else if (standard.Kind != StandardKind.Judged)
        {
            Add("standard_id", $"{standard.Id} ({standard.Name}) is rated from cases; only judged standards take a rating");
        }

        if (!clearing)
        {
            if (rating is not { } r || !Enum.IsDefined(r))
            {
                Add("rating", "must be Outstanding, Good, Requires improvement or Inadequate");
            }

            if (string.IsNullOrWhiteSpace(rationale))
            {
                Add("rationale", "is required: say why the standard has this rating");
            }
        }

        return violations ?? (IReadOnlyList<FieldViolation>)[];
    }

    private static int IndexOfTrait(IReadOnlyList<CaseTrait> traits, string name, int before)
    {
        for (var j = 0; j < before; j++)
        {
            if (traits[j].Name == name)
            {
                return j;
            }
        }

        return -1;
    }

    private static int IndexOfAnswer(IReadOnlyList<KeyQuestionAnswer> answers, string keyQuestionId, int before)
    {
        for (var j = 0; j < before; j++)
        {
            if (answers[j].KeyQuestionId == keyQuestionId)
            {
                return j;
            }
        }

        return -1;
    }
}
