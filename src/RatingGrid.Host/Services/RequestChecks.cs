using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Ledger;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Host.Access;
using RatingGrid.Host.Configuration;

namespace RatingGrid.Host.Services;

/// <summary>
/// Wire-level checks: presence and size limits that protect the service before any grain is asked.
/// Rules of the rating domain (revisions, key questions, answers) are the Domain's to check.
/// </summary>
internal sealed class RequestChecks(LimitSettings limits)
{
    private readonly List<FieldViolation> _violations = [];

    public RequestChecks Id(string field, string value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                _violations.Add(new FieldViolation(field, "is required"));
            }
        }
        else if (value.Length > limits.MaxIdLength)
        {
            _violations.Add(new FieldViolation(field, $"is {value.Length} characters; the limit MaxIdLength is {limits.MaxIdLength}"));
        }

        return this;
    }

    /// <summary>The request's actor matters only without a token: with one, the token's subject is the actor.</summary>
    public RequestChecks Actor(Caller caller, string requested) => caller.Subject is null ? Id("actor", requested) : this;

    public RequestChecks Text(string field, string value)
    {
        if (value.Length > limits.MaxTextLength)
        {
            _violations.Add(new FieldViolation(field, $"is {value.Length} characters; the limit MaxTextLength is {limits.MaxTextLength}"));
        }

        return this;
    }

    public RequestChecks Date(string field, Date? date)
    {
        if (date is null)
        {
            _violations.Add(new FieldViolation(field, "is required"));
        }
        else if (date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            _violations.Add(new FieldViolation(field, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} is not a calendar date"));
        }

        return this;
    }

    public RequestChecks That(bool holds, string field, string description)
    {
        if (!holds)
        {
            _violations.Add(new FieldViolation(field, description));
        }

        return this;
    }

    public RequestChecks Judgements(IReadOnlyList<Judgement> judgements, string field = "judgements")
    {
        if (judgements.Count > limits.MaxJudgementsPerBatch)
        {
            _violations.Add(new FieldViolation(field, $"holds {judgements.Count} judgements; the limit MaxJudgementsPerBatch is {limits.MaxJudgementsPerBatch}: split the batch"));
            return this; // one violation, not thousands
        }

        for (var i = 0; i < judgements.Count; i++)
        {
            // Field paths are only spelled out for a judgement that breaks a limit: this runs on
            // every judgement of every batch.
            if (!WithinLimits(judgements[i]))
            {
                NameOversizedFields(judgements[i], $"{field}[{i}]");
            }
        }

        return this;
    }

    private bool WithinLimits(Judgement judgement)
    {
        if (judgement.CaseId.Length > limits.MaxIdLength || judgement.CaseType.Length > limits.MaxIdLength)
        {
            return false;
        }

        // Indexed loops: a RepeatedField's enumerator is an allocated iterator, and this runs per judgement.
        for (var i = 0; i < judgement.Traits.Count; i++)
        {
            if (judgement.Traits[i].Name.Length > limits.MaxIdLength || judgement.Traits[i].Value.Length > limits.MaxTextLength)
            {
                return false;
            }
        }

        for (var i = 0; i < judgement.Answers.Count; i++)
        {
            if (judgement.Answers[i].KeyQuestionId.Length > limits.MaxIdLength)
            {
                return false;
            }
        }

        return true;
    }

    private void NameOversizedFields(Judgement judgement, string at)
    {
        Id($"{at}.case_id", judgement.CaseId, required: false);
        Id($"{at}.case_type", judgement.CaseType, required: false);
        for (var t = 0; t < judgement.Traits.Count; t++)
        {
            Id($"{at}.traits[{t}].name", judgement.Traits[t].Name, required: false);
            Text($"{at}.traits[{t}].value", judgement.Traits[t].Value);
        }

        for (var a = 0; a < judgement.Answers.Count; a++)
        {
            Id($"{at}.answers[{a}].key_question_id", judgement.Answers[a].KeyQuestionId, required: false);
        }
    }

    /// <summary>Refuses the request with every violation found, naming the fields; nothing has been changed.</summary>
    public void ThrowIfAny()
    {
        if (_violations.Count > 0)
        {
            throw new InvalidRequestException(_violations);
        }
    }
}
