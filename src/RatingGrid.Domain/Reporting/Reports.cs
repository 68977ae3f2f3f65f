using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Reporting;

/// <summary>
/// Builds reports from the standings a reader may see. The current picture as of a day takes each
/// PDU's newest inspection (per rulebook) that existed by then: published by that day, or, for
/// unpublished work, with fieldwork begun by then. A period takes every inspection whose date falls
/// in it. Figures are pooled from exactly the inspections taken, so a report equals a recomputation
/// from its own list.
/// </summary>
public static class Reports
{
    public static Report Build(IEnumerable<Standing> standings, ReportQuery query, RulebookCatalog rulebooks)
    {
        var candidates = standings.Where(s => (query.RulebookId is null || s.Rulebook.Id == query.RulebookId) && (query.Region is null || s.Region == query.Region));
        var taken = query.Period is { } period ? candidates.Where(period.Contains) : NewestPerPdu(candidates.Where(s => ExistedBy(s, query.AsOf)));
        return Pool(taken.Where(s => query.Overall is null || s.Overall == query.Overall), rulebooks);
    }

    /// <summary>The report on exactly <paramref name="taken"/>: listed by inspection id, figures pooled per rulebook.</summary>
    internal static Report Pool(IEnumerable<Standing> taken, RulebookCatalog rulebooks)
    {
        var counted = taken.OrderBy(s => s.InspectionId, StringComparer.Ordinal).ToList();

        // Built in one pass over what is counted (never through the incremental Aggregate, whose
        // current picture is kept for standings that come and go: here nothing moves).
        var figures = counted.GroupBy(s => s.Rulebook)
            .OrderBy(g => g.Key.Id, StringComparer.Ordinal).ThenBy(g => g.Key.Version)
            .Select(g => Figures(rulebooks.Get(g.Key), [.. g]));
        return new Report([.. figures], counted);
    }

    private static AggregateFigures Figures(Rulebook rulebook, List<Standing> inspections)
    {
        var newest = NewestPerPdu(inspections);
        var (overall, standards) = Count(rulebook, inspections);
        var (currentOverall, currentStandards) = Count(rulebook, newest);
        return new AggregateFigures(rulebook.Key, TallyPool.Pool(rulebook, inspections.Select(s => s.Tallies)), overall, standards,
            new CurrentPicture(newest.Count, currentOverall, currentStandards));
    }

    private static (RatingCounts Overall, Dictionary<string, RatingCounts> Standards) Count(Rulebook rulebook, List<Standing> inspections)
    {
        var overall = new RatingTally();
        var standards = rulebook.Standards.ToDictionary(s => s.Id, _ => new RatingTally(), StringComparer.Ordinal);
        foreach (var standing in inspections)
        {
            overall.Add(standing.Overall, +1, provisional: standing.Overall is null);
            foreach (var (standard, rating) in standing.StandardRatings)
            {
                if (standards.TryGetValue(standard, out var tally))
                {
                    tally.Add(rating, +1, standing.IsProvisional(standard));
                }
            }
        }

        return (overall.Counts(), standards.ToDictionary(s => s.Key, s => s.Value.Counts(), StringComparer.Ordinal));
    }

    private static bool ExistedBy(Standing standing, DateOnly day) =>
        standing.Status == InspectionStatus.Published
            ? standing.PublishedOn <= day
            : standing.Fieldwork is not { } fieldwork || fieldwork.Start <= day;

    // Each PDU's newest (per rulebook), in the order the PDUs were first met.
    private static List<Standing> NewestPerPdu(IEnumerable<Standing> standings)
    {
        var newest = new Dictionary<(RulebookKey, string), Standing>();
        foreach (var standing in standings)
        {
            var key = (standing.Rulebook, standing.PduKey);
            if (!newest.TryGetValue(key, out var held) || PduPicture.IsNewer(standing, held))
            {
                newest[key] = standing;
            }
        }

        return [.. newest.Values];
    }
}
