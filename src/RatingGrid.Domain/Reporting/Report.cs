using RatingGrid.Domain.Aggregation;

namespace RatingGrid.Domain.Reporting;

/// <summary>A report's figures per rulebook, and the inspections they were pooled from (by inspection id).</summary>
public sealed record Report(IReadOnlyList<AggregateFigures> Rulebooks, IReadOnlyList<Standing> Inspections);
