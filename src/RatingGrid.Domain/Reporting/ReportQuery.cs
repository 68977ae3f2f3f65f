namespace RatingGrid.Domain.Reporting;

/// <summary>
/// What a report counts: either the current picture as of a day (each PDU's newest inspection that
/// existed by then) or every inspection in a period; of those, only what <paramref name="Filter"/>
/// selects. The filter applies to the figures, not only to a list.
/// </summary>
/// <param name="AsOf">The day the current picture is taken on (ignored for a period).</param>
/// <param name="Period">A period instead of the current picture; null for the current picture.</param>
public sealed record ReportQuery(DateOnly AsOf, ReportPeriod? Period = null, StandingFilter? Filter = null)
{
    /// <summary>The filter, or one that selects everything.</summary>
    public StandingFilter Selects => Filter ?? StandingFilter.Any;

    public bool IsPeriod => Period is not null;
}
