using RatingGrid.Domain.Aggregation;

namespace RatingGrid.Domain.Reporting;

/// <summary>
/// A report: its figures per rulebook, and the inspections they were pooled from (by inspection id).
/// In each rulebook's figures, <c>Overall</c>, <c>Standards</c> and the inspection count are what the
/// report counts: each PDU once for a current picture, every inspection for a period.
/// </summary>
public sealed record Report(ReportQuery Query, IReadOnlyList<AggregateFigures> Rulebooks, IReadOnlyList<Standing> Inspections);
