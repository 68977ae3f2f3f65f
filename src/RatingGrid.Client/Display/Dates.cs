using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Client.Display;

/// <summary>The contract's dates and times to and from .NET's, and as people read and write them (yyyy-mm-dd, UTC).</summary>
public static class Dates
{
    public const string Format = "yyyy-MM-dd";

    public static Date ToDate(this DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    /// <summary>The day a date names, or null when it is absent or no calendar date.</summary>
    public static DateOnly? ToDateOnly(this Date? date) =>
        date is { Year: >= 1 and <= 9999, Month: >= 1 and <= 12 } d && d.Day >= 1 && d.Day <= DateTime.DaysInMonth(d.Year, d.Month) ? new DateOnly(d.Year, d.Month, d.Day) : null;

    /// <summary>"yyyy-mm-dd", or "" for an absent date.</summary>
    public static string Show(this Date? date) => date is null ? "" : $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";

    /// <summary>A moment as "yyyy-mm-dd hh:mm UTC", or "" when absent.</summary>
    public static string Show(this Timestamp? at) => at is null ? "" : at.ToDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A day written yyyy-mm-dd, or null when the text is no such day.</summary>
    public static Date? Parse(string? text) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day.ToDate() : null;
}
