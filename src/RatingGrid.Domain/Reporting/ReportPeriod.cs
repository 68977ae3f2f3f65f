using RatingGrid.Domain.Aggregation;

namespace RatingGrid.Domain.Reporting;

/// <summary>A reporting period, both ends included, on publication or fieldwork dates.</summary>
public sealed record ReportPeriod(PeriodBasis Basis, DateOnly From, DateOnly To)
{
    /// <summary>The day (as a day number) that places an inspection in a period on <paramref name="basis"/>: its first publication, or its fieldwork's last day; null when it has none.</summary>
    public static int? DayOf(Standing standing, PeriodBasis basis) =>
        basis == PeriodBasis.Publication ? standing.PublishedOn?.DayNumber : standing.Fieldwork?.End.DayNumber;

    /// <summary>Whether the inspection's date on this basis falls in the period.</summary>
    public bool Contains(Standing standing) => Contains(DayOf(standing, Basis));

    /// <summary>Whether a day (as a day number; null: none) falls in the period.</summary>
    public bool Contains(int? day) => day is { } d && d >= From.DayNumber && d <= To.DayNumber;
}
