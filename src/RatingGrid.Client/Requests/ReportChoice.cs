using RatingGrid.Client.Display;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Client.Requests;

/// <summary>
/// A report asked for in words, as a page's address or a command line gives it: the current picture
/// (as of a day; default today) or every inspection in a period, on publication or fieldwork dates,
/// of one region or every one, and optionally only one rulebook or overall rating. The service checks
/// the request again; this turns the words into it, or says what is wrong with them.
/// </summary>
public sealed record ReportChoice(string? AsOf = null, string? From = null, string? To = null, string? Basis = null, string Region = "", string? RulebookId = null, Rating Overall = Rating.Unspecified)
{
    public const string Fieldwork = "fieldwork";
    public const string Publication = "publication";

    public bool IsPeriod => !string.IsNullOrEmpty(From) || !string.IsNullOrEmpty(To);

    /// <summary>The request, or null and why not (in words a person can act on).</summary>
    public (ReportRequest? Request, string? Error) ToRequest(bool includeInspections = false)
    {
        var request = new ReportRequest { Region = Region, RulebookId = RulebookId ?? "", Overall = Overall, IncludeInspections = includeInspections };
        if (!string.IsNullOrEmpty(Basis) && Basis is not (Fieldwork or Publication))
        {
            return (null, $"'{Basis}' is not a basis for a period; give {Publication} or {Fieldwork}.");
        }

        if (!IsPeriod)
        {
            if (string.IsNullOrEmpty(AsOf))
            {
                return (request, null);
            }

            request.AsOf = Dates.Parse(AsOf);
            return request.AsOf is null ? (null, $"'{AsOf}' is not a date; give it as YYYY-MM-DD.") : (request, null);
        }

        if (!string.IsNullOrEmpty(AsOf))
        {
            return (null, "Give either a day for the current picture or a period, not both.");
        }

        if (string.IsNullOrEmpty(From) || string.IsNullOrEmpty(To))
        {
            return (null, "A period needs both its first and its last day, as YYYY-MM-DD.");
        }

        var (from, to) = (Dates.Parse(From), Dates.Parse(To));
        if (from is null || to is null)
        {
            var (given, which) = from is null ? (From, "first") : (To, "last");
            return (null, $"'{given}' is not a date; give the period's {which} day as YYYY-MM-DD.");
        }

        if (from.ToDateOnly() > to.ToDateOnly())
        {
            return (null, $"The period's last day, {To}, is before its first, {From}.");
        }

        request.Period = new ReportPeriod { Basis = Basis == Fieldwork ? PeriodBasis.Fieldwork : PeriodBasis.Publication, From = from, To = to };
        return (request, null);
    }

    /// <summary>What the report counts, in words: "The current picture on 2026-12-06" or "Every inspection with its publication from ... to ...".</summary>
    public static string Describe(Report report) => report.Period is { } period
        ? $"Every inspection with its {(period.Basis == PeriodBasis.Fieldwork ? "fieldwork ending" : "publication")} from {period.From.Show()} to {period.To.Show()}"
        : $"The current picture on {report.AsOf.Show()}: each PDU once, by its newest inspection";

    /// <summary>What a report counts a thing as: PDUs for the current picture (each once), inspections for a period.</summary>
    public static string Noun(Report report, int count) => (report.Period is null, count == 1) switch
    {
        (true, true) => "PDU",
        (true, false) => "PDUs",
        (false, true) => "inspection",
        (false, false) => "inspections",
    };
}
