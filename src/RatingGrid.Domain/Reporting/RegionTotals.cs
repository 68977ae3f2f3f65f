using RatingGrid.Domain.Aggregation;

namespace RatingGrid.Domain.Reporting;

/// <summary>
/// What a report counts in one region, over every rulebook: <paramref name="Counted"/> is each PDU
/// once for a current picture and every inspection for a period, <paramref name="Overall"/> the same
/// by overall rating; <paramref name="Registered"/> the region's registered PDUs, and
/// <paramref name="NotInspected"/> those of them no counted inspection is of.
/// </summary>
/// <param name="FromReports">Of those counted, the inspections recorded from their published reports.</param>
public sealed record RegionTotals(string Region, int Counted, RatingCounts Overall, int Registered = 0, int NotInspected = 0, int FromReports = 0)
{
    public static RegionTotals Of(string region, IReadOnlyCollection<Standing> counted, IReadOnlyCollection<string> registeredPdus)
    {
        var overall = new RatingTally();
        foreach (var standing in counted)
        {
            overall.Add(standing.Overall, +1, provisional: standing.Overall is null);
        }

        var inspected = counted.Select(s => s.PduKey).ToHashSet(StringComparer.Ordinal);
        return new RegionTotals(region, counted.Count, overall.Counts(), registeredPdus.Count, registeredPdus.Count(p => !inspected.Contains(p)), counted.Count(s => s.Report is not null));
    }
}

/// <summary>A region and its registered PDUs, by id.</summary>
public sealed record RegisteredRegion(string Region, IReadOnlyCollection<string> PduIds);

/// <summary>The nation's report and each region's totals of the same question: what a national page shows.</summary>
public sealed record NationOverview(Report Nation, IReadOnlyList<RegionTotals> Regions)
{
    /// <summary>Totals for each of <paramref name="regions"/> (in that order), from what <paramref name="nation"/> counted.</summary>
    public static NationOverview Of(Report nation, IEnumerable<RegisteredRegion> regions)
    {
        var byRegion = nation.Inspections.ToLookup(s => s.Region, StringComparer.Ordinal);
        return new NationOverview(nation, [.. regions.Select(r => RegionTotals.Of(r.Region, [.. byRegion[r.Region]], r.PduIds))]);
    }
}
