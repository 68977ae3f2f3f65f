using RatingGrid.Contracts.V1;

namespace RatingGrid.Dashboard.Figures;

/// <summary>
/// A region's inspections as one row per PDU. The newest is chosen as the current picture chooses
/// it (latest fieldwork end, then start, then inspection id); the change is read off the two
/// newest summaries' ratings, not recomputed: the service did the rating.
/// </summary>
public static class PduRows
{
    public static IReadOnlyList<PduRow> From(IEnumerable<InspectionSummary> inspections) =>
        [.. inspections
            .GroupBy(i => string.IsNullOrEmpty(i.PduId) ? i.PduName : i.PduId, StringComparer.Ordinal)
            .Select(Row)
            .OrderBy(r => r.PduName, StringComparer.OrdinalIgnoreCase)];

    private static PduRow Row(IGrouping<string, InspectionSummary> pdu)
    {
        var newestFirst = pdu.OrderByDescending(i => Day(i.FieldworkEnd)).ThenByDescending(i => Day(i.FieldworkStart))
            .ThenByDescending(i => i.InspectionId, StringComparer.Ordinal).ToList();
        var (newest, previous) = (newestFirst[0], newestFirst.Count > 1 ? newestFirst[1] : null);
        return new PduRow(pdu.Key, newest.PduName, newest, previous, previous is null ? [] : Changes(previous, newest));
    }

    private static List<RatingChange> Changes(InspectionSummary before, InspectionSummary after)
    {
        var changes = new List<RatingChange>();
        if (before.Overall != after.Overall)
        {
            changes.Add(new RatingChange(PduRow.Overall, before.Overall, after.Overall));
        }

        var earlier = before.Standards.ToDictionary(s => s.StandardId, s => s.Rating, StringComparer.Ordinal);
        foreach (var standard in after.Standards)
        {
            var was = earlier.GetValueOrDefault(standard.StandardId, Rating.Unspecified);
            if (was != standard.Rating)
            {
                changes.Add(new RatingChange(standard.StandardId, was, standard.Rating));
            }
        }

        return changes;
    }

    private static int Day(Date? date) => date is null ? 0 : (date.Year * 100 + date.Month) * 100 + date.Day;
}
