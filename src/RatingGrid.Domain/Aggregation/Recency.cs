namespace RatingGrid.Domain.Aggregation;

/// <summary>
/// The one rule for which of two inspections of a PDU is the newer, as the inspectorate's current
/// picture counts PDUs: the later fieldwork end, then the later fieldwork start (an unknown day is
/// the oldest), then the greater inspection id. Held as numbers so that an index can compare
/// without reaching back to the standing.
/// </summary>
public readonly record struct Recency(int FieldworkEnd, int FieldworkStart, string InspectionId) : IComparable<Recency>
{
    private const int UnknownDay = int.MinValue;

    public static Recency Of(Standing standing) =>
        new(standing.Fieldwork?.End.DayNumber ?? UnknownDay, standing.Fieldwork?.Start.DayNumber ?? UnknownDay, standing.InspectionId);

    /// <summary>Whether <paramref name="candidate"/> is newer than <paramref name="than"/>.</summary>
    public static bool IsNewer(Standing candidate, Standing than) => Of(candidate).CompareTo(Of(than)) > 0;

    public int CompareTo(Recency other) =>
        FieldworkEnd != other.FieldworkEnd ? FieldworkEnd.CompareTo(other.FieldworkEnd)
        : FieldworkStart != other.FieldworkStart ? FieldworkStart.CompareTo(other.FieldworkStart)
        : string.CompareOrdinal(InspectionId, other.InspectionId);

    public static bool operator >(Recency left, Recency right) => left.CompareTo(right) > 0;

    public static bool operator <(Recency left, Recency right) => left.CompareTo(right) < 0;

    public static bool operator >=(Recency left, Recency right) => left.CompareTo(right) >= 0;

    public static bool operator <=(Recency left, Recency right) => left.CompareTo(right) <= 0;
}
