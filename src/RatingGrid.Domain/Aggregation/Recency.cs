namespace RatingGrid.Domain.Aggregation;

/// <summary>
/// The one rule for which of two inspections of a PDU is the newer, as the inspectorate's current
/// picture counts PDUs: the later fieldwork end (an unknown day is the oldest), then an inspection
/// rated here over one recorded from its published report, then the later fieldwork start, then the
/// greater inspection id. A report that states its fieldwork only to the month or year ("2025-06")
/// holds a span of days its fieldwork ran within, not the day it ended: it counts as ending on the
/// first of those days, so it is newer only than inspections certainly done before it, and an
/// inspection rated here from cases of that same fieldwork replaces it. Held as numbers so that an
/// index can compare without reaching back to the standing.
/// </summary>
public readonly record struct Recency(int FieldworkEnd, bool RatedHere, int FieldworkStart, string InspectionId) : IComparable<Recency>
{
    private const int UnknownDay = int.MinValue;

    public static Recency Of(Standing standing)
    {
        var rated = standing.Report is null;
        var start = standing.Fieldwork?.Start.DayNumber ?? UnknownDay;
        var end = rated ? standing.Fieldwork?.End.DayNumber ?? UnknownDay : start;
        return new(end, rated, start, standing.InspectionId);
    }

    /// <summary>Whether <paramref name="candidate"/> is newer than <paramref name="than"/>.</summary>
    public static bool IsNewer(Standing candidate, Standing than) => Of(candidate).CompareTo(Of(than)) > 0;

    public int CompareTo(Recency other) =>
        FieldworkEnd != other.FieldworkEnd ? FieldworkEnd.CompareTo(other.FieldworkEnd)
        : RatedHere != other.RatedHere ? RatedHere.CompareTo(other.RatedHere)
        : FieldworkStart != other.FieldworkStart ? FieldworkStart.CompareTo(other.FieldworkStart)
        : string.CompareOrdinal(InspectionId, other.InspectionId);

    public static bool operator >(Recency left, Recency right) => left.CompareTo(right) > 0;

    public static bool operator <(Recency left, Recency right) => left.CompareTo(right) < 0;

    public static bool operator >=(Recency left, Recency right) => left.CompareTo(right) >= 0;

    public static bool operator <=(Recency left, Recency right) => left.CompareTo(right) <= 0;
}
