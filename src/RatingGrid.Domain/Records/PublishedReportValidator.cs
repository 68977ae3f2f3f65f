using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Records;

/// <summary>
/// Whether a published report can be recorded under a rulebook: every field at fault named, as the
/// wire contract spells it under <c>report</c>. It checks what the report states against the
/// rulebook's shape (known standards and key questions, percentages and scores in range, counts
/// that give the percentage stated, dates in order), not against the rating rules: a report says
/// what it says (the rules are checked against the record by the tests).
/// </summary>
public static class PublishedReportValidator
{
    public static IReadOnlyList<FieldViolation> Validate(PublishedReport report, Rulebook rulebook)
    {
        var problems = new List<FieldViolation>();
        foreach (var (standardId, _) in report.Standards)
        {
            if (!rulebook.TryGetStandard(standardId, out _))
            {
                problems.Add(new("report.standards", $"'{standardId}' is no standard of {rulebook.Key}; known: {string.Join(", ", rulebook.Standards.Select(s => s.Id))}"));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < report.KeyQuestions.Count; i++)
        {
            var figure = report.KeyQuestions[i];
            var at = $"report.key_questions[{i}]";
            if (!rulebook.TryGetKeyQuestion(figure.KeyQuestionId, out _))
            {
                problems.Add(new($"{at}.key_question_id", $"'{figure.KeyQuestionId}' is no key question of {rulebook.Key}"));
            }
            else if (!seen.Add(figure.KeyQuestionId))
            {
                problems.Add(new($"{at}.key_question_id", $"'{figure.KeyQuestionId}' is given twice"));
            }

            if (figure.Percent is < 0 or > 100)
            {
                problems.Add(new($"{at}.percent", $"{figure.Percent} is not a percentage (0 to 100)"));
            }

            if (figure.Yes.HasValue != figure.Applicable.HasValue)
            {
                problems.Add(new($"{at}.{(figure.Yes.HasValue ? "applicable" : "yes")}", "give both yes and applicable, or neither (a percentage alone is shown, not pooled)"));
            }
            else if (figure is { Yes: { } yes, Applicable: { } applicable })
            {
                if (applicable < 1 || yes < 0 || yes > applicable)
                {
                    problems.Add(new($"{at}.yes", $"{yes} of {applicable} is not a count of applicable cases"));
                }
                else if (Percent.RoundHalfUp(yes, applicable) != figure.Percent)
                {
                    problems.Add(new($"{at}.percent", $"{figure.Percent}% is not {yes} of {applicable} ({Percent.RoundHalfUp(yes, applicable)}%)"));
                }
            }
        }

        if (report.Score is { } score && (score < 0 || score > rulebook.MaxScore))
        {
            problems.Add(new("report.score", $"{score} is outside 0 to {rulebook.MaxScore}"));
        }

        if (report.Cases is < 0)
        {
            problems.Add(new("report.cases", "must not be negative"));
        }

        Dates(report.Fieldwork, "report.fieldwork", problems);
        Dates(report.Published, "report.published", problems);
        if (report.Published.Latest is null)
        {
            problems.Add(new("report.published.latest", "is required: the last day the stated publication can mean (the end of the month or year, if that is all the source says)"));
        }

        // Where the figures came from: an address, or where none was found, notes that say it.
        if (report.SourceUrl.Length == 0 ? string.IsNullOrWhiteSpace(report.Notes) : !Uri.TryCreate(report.SourceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            problems.Add(new("report.source_url", report.SourceUrl.Length == 0
                ? "is required unless notes say where the figures came from"
                : $"'{report.SourceUrl}' is not an http(s) address"));
        }

        for (var i = 0; i < report.Sources.Count; i++)
        {
            if (!Uri.TryCreate(report.Sources[i], UriKind.Absolute, out _))
            {
                problems.Add(new($"report.sources[{i}]", $"'{report.Sources[i]}' is no address"));
            }
        }

        return problems;
    }

    private static void Dates(StatedDates? dates, string field, List<FieldViolation> problems)
    {
        if (dates is { Earliest: { } earliest, Latest: { } latest } && latest < earliest)
        {
            problems.Add(new($"{field}.latest", $"{latest:yyyy-MM-dd} is before {field}.earliest, {earliest:yyyy-MM-dd}"));
        }

        if (dates is not null && string.IsNullOrWhiteSpace(dates.AsStated))
        {
            problems.Add(new($"{field}.as_stated", "is required: the date as the source states it"));
        }
    }
}
