using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Aggregation;

/// <summary>A running count per rating, the unrated (null) included.</summary>
internal sealed class RatingTally
{
    // Slot 0 counts the unrated; slot r + 1 counts rating r.
    private readonly int[] _slots = new int[RatingNames.Scale.Count + 1];
    private int _provisional;
    private int _notPublished;

    public void Add(Rating? rating, int sign, bool provisional = false)
    {
        _slots[rating is { } r ? (int)r + 1 : 0] += sign;
        _provisional += provisional ? sign : 0;
    }

    /// <summary>Counts a rating a published report did not give.</summary>
    public void AddNotPublished(int sign) => _notPublished += sign;

    /// <summary>Counts each standard of <paramref name="standing"/> in its tally (standards without one are not counted).</summary>
    public static void CountStandards(Standing standing, Dictionary<string, RatingTally> standards, int sign)
    {
        foreach (var (standard, rating) in standing.StandardRatings)
        {
            if (standards.TryGetValue(standard, out var tally))
            {
                tally.Add(rating, sign, standing.IsProvisional(standard));
            }
        }

        foreach (var standard in standing.NotPublishedStandards ?? (IEnumerable<string>)[])
        {
            if (standards.TryGetValue(standard, out var tally))
            {
                tally.AddNotPublished(sign);
            }
        }
    }

    public RatingCounts Counts() => new(RatingNames.Scale.ToDictionary(r => r, r => _slots[(int)r + 1]), _slots[0], _provisional, _notPublished);
}
