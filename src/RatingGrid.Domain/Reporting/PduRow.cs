using RatingGrid.Domain.Aggregation;

namespace RatingGrid.Domain.Reporting;

/// <summary>
/// One PDU in the current picture of a day: its newest inspection by then, the one before it (null
/// for its first), the ratings that differ between the two, and how many of its inspections existed
/// by then.
/// </summary>
public sealed record PduRow(Standing Newest, Standing? Previous, IReadOnlyList<RatingChange> Changes, int Inspections);
