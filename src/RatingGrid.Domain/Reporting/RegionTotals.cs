using RatingGrid.Domain.Aggregation;

namespace RatingGrid.Domain.Reporting;

/// <summary>
/// What a report counts in one region, over every rulebook: <paramref name="Counted"/> is each PDU
/// once for a current picture and every inspection for a period, <paramref name="Overall"/> the same
/// by overall rating.
/// </summary>
public sealed record RegionTotals(string Region, int Counted, RatingCounts Overall)
{
    public static RegionTotals Of(string region, IReadOnlyCollection<Standing> counted)
    {
        var overall = new RatingTally();
        foreach (var standing in counted)
        {
            overall.Add(standing.Overall, +1, provisional: standing.Overall is null);
        }

        return new RegionTotals(region, counted.Count, overall.Counts());
    }
}

/// <summary>The nation's report and each region's totals of the same question: what a national page shows.</summary>
public sealed record NationOverview(Report Nation, IReadOnlyList<RegionTotals> Regions)
{
    /// <summary>Totals for each of <paramref name="regions"/> (in that order), from what <paramref name="nation"/> counted.</summary>
    public static NationOverview Of(Report nation, IEnumerable<string> regions)
    {
        var byRegion = nation.Inspections.ToLookup(s => s.Region, StringComparer.Ordinal);
        return new NationOverview(nation, [.. regions.Select(r => RegionTotals.Of(r, [.. byRegion[r]]))]);
    }
}
