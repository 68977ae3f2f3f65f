namespace RatingGrid.Domain.Aggregation;

/// <summary>One PDU's inspections, oldest first, each with how its ratings moved since the one before.</summary>
public static class PduHistory
{
    /// <summary>The PDU's inspections among <paramref name="standings"/>, oldest first (the order the current picture calls newest last).</summary>
    public static IReadOnlyList<PduInspection> Of(string pduId, IEnumerable<Standing> standings)
    {
        var ordered = standings.Where(s => s.PduKey == pduId).ToList();
        ordered.Sort((a, b) => Recency.Of(a).CompareTo(Recency.Of(b)));
        var history = new List<PduInspection>(ordered.Count);
        Standing? previous = null;
        foreach (var standing in ordered)
        {
            history.Add(new PduInspection(standing, previous is null ? [] : Changes(previous, standing)));
            previous = standing;
        }

        return history;
    }

    /// <summary>Every standard either inspection rated, and the overall rating (id "overall"), from before to after.</summary>
    public static IReadOnlyList<RatingChange> Changes(Standing before, Standing after)
    {
        var standards = before.StandardRatings.Keys.Union(after.StandardRatings.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return
        [
            .. standards.Select(id => new RatingChange(id, before.StandardRatings.GetValueOrDefault(id), after.StandardRatings.GetValueOrDefault(id))),
            new RatingChange(RatingChange.Overall, before.Overall, after.Overall),
        ];
    }
}
