using System.Globalization;
using System.Text.RegularExpressions;
using RatingGrid.Client.Display;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Published;

/// <summary>
/// Reads a date as the published-record file states it ("2025", "2024-11", "2024-10-24", "2024/2025",
/// "2023-10..2024-02", "2024-04/2024-05", "2024 (before 2024-05)", "2025 (regional window
/// 2025-04-28..2025-07-29)") into the first and last days it can mean. Text that names no such span
/// ("April-May (per BBC; year not stated)") is kept as stated, both ends unknown: nothing is guessed.
/// </summary>
internal static partial class StatedDateText
{
    public static StatedDates Read(string text)
    {
        var (earliest, latest) = Span(text.Trim());
        return new StatedDates { AsStated = text, Earliest = earliest?.ToDate(), Latest = latest?.ToDate() };
    }

    private static (DateOnly? Earliest, DateOnly? Latest) Span(string text)
    {
        // A window of days stated anywhere is narrower than a year or a month name beside it.
        if (Window().Match(text) is { Success: true } window)
        {
            return (Day(window.Groups[1].Value), Day(window.Groups[2].Value));
        }

        if (DayAtStart().Match(text) is { Success: true } day)
        {
            return (Day(day.Value), Day(day.Value));
        }

        if (MonthRange().Match(text) is { Success: true } months)
        {
            return (Month(months.Groups[1].Value).First, Month(months.Groups[2].Value).Last);
        }

        if (YearBefore().Match(text) is { Success: true } before)
        {
            return (new DateOnly(Year(before.Groups[1].Value), 1, 1), Month(before.Groups[2].Value).First.AddDays(-1));
        }

        if (YearRange().Match(text) is { Success: true } years)
        {
            return (new DateOnly(Year(years.Groups[1].Value), 1, 1), new DateOnly(Year(years.Groups[2].Value), 12, 31));
        }

        if (MonthAtStart().Match(text) is { Success: true } month)
        {
            return Month(month.Value);
        }

        if (YearAtStart().Match(text) is { Success: true } year)
        {
            return (new DateOnly(Year(year.Value), 1, 1), new DateOnly(Year(year.Value), 12, 31));
        }

        return (null, null);
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int Year(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static (DateOnly First, DateOnly Last) Month(string text)
    {
        var first = DateOnly.ParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (first, first.AddMonths(1).AddDays(-1));
    }

    [GeneratedRegex(@"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})")]
    private static partial Regex Window();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex DayAtStart();

    [GeneratedRegex(@"^(\d{4}-\d{2})(?:\.\.|/)(\d{4}-\d{2})")]
    private static partial Regex MonthRange();

    [GeneratedRegex(@"^(\d{4}) \(before (\d{4}-\d{2})\)")]
    private static partial Regex YearBefore();

    [GeneratedRegex(@"^(\d{4})/(\d{4})")]
    private static partial Regex YearRange();

    [GeneratedRegex(@"^\d{4}-\d{2}(?!\d)")]
    private static partial Regex MonthAtStart();

    [GeneratedRegex(@"^\d{4}(?![\d-])")]
    private static partial Regex YearAtStart();
}
