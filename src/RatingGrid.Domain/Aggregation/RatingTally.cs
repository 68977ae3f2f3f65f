using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Aggregation;

/// <summary>A running count per rating, the unrated (null) included.</summary>
internal sealed class RatingTally
{
    // Slot 0 counts the unrated; slot r + 1 counts rating r.
    private readonly int[] _slots = new int[RatingNames.Scale.Count + 1];
    private int _provisional;

    public void Add(Rating? rating, int sign, bool provisional = false)
    {
        _slots[rating is { } r ? (int)r + 1 : 0] += sign;
        _provisional += provisional ? sign : 0;
    }

    public RatingCounts Counts() => new(RatingNames.Scale.ToDictionary(r => r, r => _slots[(int)r + 1]), _slots[0], _provisional);
}
