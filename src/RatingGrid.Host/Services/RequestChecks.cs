using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Identifiers;
using RatingGrid.Domain.Ledger;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Host.Access;
using RatingGrid.Host.Configuration;

namespace RatingGrid.Host.Services;

/// <summary>
/// Wire-level checks: presence, the id grammar, printable text and size limits, which protect the
/// service before any grain is asked. Rules of the rating domain (revisions, key questions,
/// answers) are the Domain's to check.
/// </summary>
internal sealed class RequestChecks(LimitSettings limits)
{
    private readonly List<FieldViolation> _violations = [];

    /// <summary>An id: present (unless optional), at most MaxIdLength, and in the id grammar.</summary>
    public RequestChecks Id(string field, string value, bool required = true)
    {
        if (Present(field, value, required) && Within(field, value, limits.MaxIdLength, nameof(limits.MaxIdLength)) && !Identifier.IsWellFormed(value))
        {
            _violations.Add(new FieldViolation(field, $"'{Shown(value)}' is not an id: ids hold {Identifier.Grammar}"));
        }

        return this;
    }

    /// <summary>A short name (a region, a trait, an actor): present (unless optional), at most MaxIdLength, printable.</summary>
    public RequestChecks Name(string field, string value, bool required = true)
    {
        if (Present(field, value, required) && Within(field, value, limits.MaxIdLength, nameof(limits.MaxIdLength)))
        {
            Printable(field, value);
        }

        return this;
    }

    /// <summary>The request's actor matters only without a token: with one, the token's subject is the actor.</summary>
    public RequestChecks Actor(Caller caller, string requested) => caller.Subject is null ? Name("actor", requested) : this;

    /// <summary>Free text (a PDU's name, a rationale, a trait's value): at most MaxTextLength, printable.</summary>
    public RequestChecks Text(string field, string value)
    {
        if (Within(field, value, limits.MaxTextLength, nameof(limits.MaxTextLength)))
        {
            Printable(field, value);
        }

        return this;
    }

    public RequestChecks Date(string field, Date? date, bool required = true)
    {
        if (date is null)
        {
            if (required)
            {
                _violations.Add(new FieldViolation(field, "is required"));
            }
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

    /// <summary>A published report's wire shape: ids in the grammar, texts printable and within limits, ratings set and defined. What it states is the Domain's to check.</summary>
    public RequestChecks PublishedReport(PublishedReport? report)
    {
        if (report is null)
        {
            return this;
        }

        Rating("report.overall", report.Overall);
        for (var i = 0; i < report.Standards.Count; i++)
        {
            Id($"report.standards[{i}].standard_id", report.Standards[i].StandardId);
            Rating($"report.standards[{i}].rating", report.Standards[i].Rating);
        }

        for (var i = 0; i < report.KeyQuestions.Count; i++)
        {
            Id($"report.key_questions[{i}].key_question_id", report.KeyQuestions[i].KeyQuestionId);
        }

        foreach (var (name, dates) in new[] { ("fieldwork", report.Fieldwork), ("published", report.Published) })
        {
            if (dates is not null)
            {
                Text($"report.{name}.as_stated", dates.AsStated).Date($"report.{name}.earliest", dates.Earliest, required: false).Date($"report.{name}.latest", dates.Latest, required: false);
            }
        }

        That(report.Published is not null, "report.published", "is required: when the report was published, as stated, with the last day it can mean");
        Text("report.source_url", report.SourceUrl).Text("report.notes", report.Notes);
        That(report.Sources.Count <= 64, "report.sources", $"{report.Sources.Count} addresses; give at most 64");
        for (var i = 0; i < report.Sources.Count && i < 64; i++)
        {
            Text($"report.sources[{i}]", report.Sources[i]);
        }

        return this;
    }

    private void Rating(string field, Rating rating) =>
        That(rating != Contracts.V1.Rating.Unspecified && Enum.IsDefined(rating), field, $"{(int)rating} is not a rating: give one the report publishes (RATING_INADEQUATE to RATING_OUTSTANDING)");

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
        if (judgement.CaseId.Length > limits.MaxIdLength || judgement.CaseType.Length > limits.MaxIdLength
            || (judgement.CaseId.Length > 0 && !Identifier.IsWellFormed(judgement.CaseId)))
        {
            return false;
        }

        // Indexed loops: a RepeatedField's enumerator is an allocated iterator, and this runs per judgement.
        for (var i = 0; i < judgement.Traits.Count; i++)
        {
            var trait = judgement.Traits[i];
            if (trait.Name.Length > limits.MaxIdLength || trait.Value.Length > limits.MaxTextLength || !Identifier.IsPrintable(trait.Name) || !Identifier.IsPrintable(trait.Value))
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
        Within($"{at}.case_type", judgement.CaseType, limits.MaxIdLength, nameof(limits.MaxIdLength));
        for (var t = 0; t < judgement.Traits.Count; t++)
        {
            Name($"{at}.traits[{t}].name", judgement.Traits[t].Name, required: false);
            Text($"{at}.traits[{t}].value", judgement.Traits[t].Value);
        }

        for (var a = 0; a < judgement.Answers.Count; a++)
        {
            Within($"{at}.answers[{a}].key_question_id", judgement.Answers[a].KeyQuestionId, limits.MaxIdLength, nameof(limits.MaxIdLength));
        }
    }

    private bool Present(string field, string value, bool required)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (required)
        {
            _violations.Add(new FieldViolation(field, "is required"));
        }

        return false;
    }

    private bool Within(string field, string value, int limit, string setting)
    {
        if (value.Length <= limit)
        {
            return true;
        }

        _violations.Add(new FieldViolation(field, $"is {value.Length} characters; the limit {setting} is {limit}"));
        return false;
    }

    private void Printable(string field, string value)
    {
        if (!Identifier.IsPrintable(value))
        {
            _violations.Add(new FieldViolation(field, $"'{Shown(value)}' holds a control character (a line break, tab, NUL...): only printable text is taken"));
        }
    }

    // A value as a message may quote it: control characters escaped, so that the message itself stays printable.
    private static string Shown(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    /// <summary>Refuses the request with every violation found, naming the fields; nothing has been changed.</summary>
    public void ThrowIfAny()
    {
        if (_violations.Count > 0)
        {
            throw new InvalidRequestException(_violations);
        }
    }
}
