using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Aggregation;

/// <summary>A rating before and after; null where unrated (or provisional, for the overall rating).</summary>
public sealed record RatingChange(string Id, Rating? Before, Rating? After)
{
    public const string Overall = "overall";

    /// <summary>1 up, -1 down, 0 the same or not comparable (either side unrated).</summary>
    public int Direction => Before is { } b && After is { } a ? Math.Sign((int)a - (int)b) : 0;

    /// <summary>Whether the rating differs between the two inspections (rated and unrated differ).</summary>
    public bool Changed => Before != After;
}
