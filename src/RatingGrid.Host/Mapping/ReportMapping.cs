using RatingGrid.Contracts.V1;

namespace RatingGrid.Host.Mapping;

/// <summary>Published reports between the wire and the Domain.</summary>
internal static class ReportMapping
{
    public static Contracts.V1.PublishedReport ToWire(this Domain.Records.PublishedReport report)
    {
        var wire = new Contracts.V1.PublishedReport
        {
            Overall = report.Overall.ToWire(),
            Standards = { report.Standards.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new PublishedRating { StandardId = s.Key, Rating = s.Value.ToWire() }) },
            KeyQuestions = { report.KeyQuestions.Select(ToWire) },
            Fieldwork = report.Fieldwork?.ToWire(),
            Published = report.Published.ToWire(),
            SourceUrl = report.SourceUrl,
            Sources = { report.Sources },
            Notes = report.Notes,
        };
        if (report.Score is { } score)
        {
            wire.Score = score;
        }

        if (report.Cases is { } cases)
        {
            wire.Cases = cases;
        }

        return wire;
    }

    /// <summary>The Domain's report; its values are checked by the Domain (field violations under "report").</summary>
    public static Domain.Records.PublishedReport ToDomain(this Contracts.V1.PublishedReport report) => new(
        report.Overall.ToDomain() ?? Domain.Rulebooks.Rating.Inadequate,
        report.Standards.GroupBy(s => s.StandardId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Rating.ToDomain() ?? Domain.Rulebooks.Rating.Inadequate, StringComparer.Ordinal),
        [.. report.KeyQuestions.Select(k => new Domain.Records.PublishedKeyQuestion(k.KeyQuestionId, k.Percent, k.HasYes ? k.Yes : null, k.HasApplicable ? k.Applicable : null))],
        report.HasScore ? report.Score : null,
        report.HasCases ? report.Cases : null,
        report.Fieldwork?.ToDomain(),
        report.Published?.ToDomain() ?? new Domain.Records.StatedDates("", null, null),
        report.SourceUrl,
        [.. report.Sources],
        report.Notes);

    private static Contracts.V1.PublishedKeyQuestion ToWire(Domain.Records.PublishedKeyQuestion figure)
    {
        var wire = new Contracts.V1.PublishedKeyQuestion { KeyQuestionId = figure.KeyQuestionId, Percent = figure.Percent };
        if (figure.Yes is { } yes)
        {
            wire.Yes = yes;
        }

        if (figure.Applicable is { } applicable)
        {
            wire.Applicable = applicable;
        }

        return wire;
    }

    private static Contracts.V1.StatedDates ToWire(this Domain.Records.StatedDates dates) =>
        new() { AsStated = dates.AsStated, Earliest = dates.Earliest?.ToWire(), Latest = dates.Latest?.ToWire() };

    private static Domain.Records.StatedDates ToDomain(this Contracts.V1.StatedDates dates) =>
        new(dates.AsStated, dates.Earliest?.ToDomain(), dates.Latest?.ToDomain());
}
