using RatingGrid.Domain.Aggregation;

namespace RatingGrid.Domain.Reporting;

/// <summary>A reporting period, both ends included, on publication or fieldwork dates.</summary>
public sealed record ReportPeriod(PeriodBasis Basis, DateOnly From, DateOnly To)
{
    /// <summary>Whether the inspection's date on this basis falls in the period.</summary>
    public bool Contains(Standing standing)
    {
        DateOnly? day = Basis == PeriodBasis.Publication ? standing.PublishedOn : standing.Fieldwork?.End;
        return day is { } d && d >= From && d <= To;
    }
}
