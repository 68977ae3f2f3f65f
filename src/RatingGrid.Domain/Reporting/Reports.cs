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
        var counted = taken.Where(s => query.Overall is null || s.Overall == query.Overall)
            .OrderBy(s => s.InspectionId, StringComparer.Ordinal)
            .ToList();

        var aggregate = new Aggregate(rulebooks);
        foreach (var standing in counted)
        {
            aggregate.Replace(standing);
        }

        return new Report([.. aggregate.Rulebooks.Select(aggregate.Figures)], counted);
    }

    private static bool ExistedBy(Standing standing, DateOnly day) =>
        standing.Status == InspectionStatus.Published
            ? standing.PublishedOn <= day
            : standing.Fieldwork is not { } fieldwork || fieldwork.Start <= day;

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
