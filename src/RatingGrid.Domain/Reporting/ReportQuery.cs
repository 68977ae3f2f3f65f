using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Reporting;

/// <summary>
/// What a report counts: either the current picture as of a day (each PDU's newest inspection by
/// then) or every inspection in a period; then only those under one rulebook or with one overall
/// rating, when asked. The filters apply to the figures, not only to a list.
/// </summary>
/// <param name="AsOf">The day the current picture is taken on (ignored for a period).</param>
/// <param name="Period">A period instead of the current picture; null for the current picture.</param>
/// <param name="RulebookId">Only inspections under this rulebook; null for all.</param>
/// <param name="Overall">Only inspections with this overall rating; null for any.</param>
/// <param name="Region">Only inspections in this region; null for all.</param>
public sealed record ReportQuery(DateOnly AsOf, ReportPeriod? Period = null, string? RulebookId = null, Rating? Overall = null, string? Region = null);
