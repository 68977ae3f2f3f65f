using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Reporting;

/// <summary>
/// Figures pooled from exactly the inspections a report takes, so that a report equals a
/// recomputation from its own list. Which inspections it takes is <see cref="ReportIndex"/>'s to say.
/// </summary>
internal static class Reports
{
    /// <summary>The report on exactly <paramref name="taken"/>: listed by inspection id, figures pooled per rulebook as any aggregate pools them.</summary>
    public static Report Pool(ReportQuery query, IEnumerable<Standing> taken, RulebookCatalog rulebooks)
    {
        var aggregate = new Aggregate(rulebooks);
        foreach (var standing in taken)
        {
            aggregate.Replace(standing);
        }

        return new Report(query, [.. aggregate.Rulebooks.Select(aggregate.Figures)], [.. aggregate.Standings.OrderBy(s => s.InspectionId, StringComparer.Ordinal)]);
    }
}
