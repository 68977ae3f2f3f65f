using RatingGrid.Domain.Aggregation;

namespace RatingGrid.Domain.Reporting;

/// <summary>How a list of inspections is ordered: by inspection id, or by score with ties by inspection id (a published report that states no score comes after those that do).</summary>
public enum InspectionOrder
{
    ById = 0,
    ScoreAscending = 1,
    ScoreDescending = 2,
}

/// <summary>Lists of inspections as the service answers them.</summary>
public static class InspectionListing
{
    /// <summary>The standings <paramref name="filter"/> matches, in <paramref name="order"/>.</summary>
    public static IEnumerable<Standing> Select(IEnumerable<Standing> standings, StandingFilter filter, InspectionOrder order)
    {
        var matching = standings.Where(filter.Matches);
        return order switch
        {
            InspectionOrder.ScoreAscending => matching.OrderBy(s => !s.ScoreKnown).ThenBy(s => s.Score).ThenBy(s => s.InspectionId, StringComparer.Ordinal),
            InspectionOrder.ScoreDescending => matching.OrderBy(s => !s.ScoreKnown).ThenByDescending(s => s.Score).ThenBy(s => s.InspectionId, StringComparer.Ordinal),
            _ => matching.OrderBy(s => s.InspectionId, StringComparer.Ordinal),
        };
    }
}
