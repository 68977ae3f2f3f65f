using System.Globalization;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Dashboard.Figures;

/// <summary>
/// Which picture the nation page shows, from its address: the current picture (as of a day, default
/// today) or every inspection in a period on publication or fieldwork dates. The service checks
/// the dates too; this only turns the address into a request, or says what is wrong with it.
/// </summary>
public sealed record ReportChoice(string? AsOf, string? From, string? To, string? Basis)
{
    public bool IsPeriod => !string.IsNullOrEmpty(From) || !string.IsNullOrEmpty(To);

    /// <summary>The request for <paramref name="region"/> ("" for every region), or null and why not.</summary>
    public (ReportRequest? Request, string? Error) Request(string region)
    {
        var request = new ReportRequest { Region = region };
        if (!IsPeriod)
        {
            if (string.IsNullOrEmpty(AsOf))
            {
                return (request, null);
            }

            request.AsOf = Parse(AsOf);
            return request.AsOf is null ? (null, $"'{AsOf}' is not a date; give it as YYYY-MM-DD.") : (request, null);
        }

        var (from, to) = (Parse(From), Parse(To));
        if (from is null || to is null)
        {
            return (null, "A period needs both its first and its last day, as YYYY-MM-DD.");
        }

        var basis = Basis == "fieldwork" ? PeriodBasis.Fieldwork : PeriodBasis.Publication;
        request.Period = new ReportPeriod { Basis = basis, From = from, To = to };
        return (request, null);
    }

    private static Date? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new Date { Year = day.Year, Month = day.Month, Day = day.Day }
            : null;
}
