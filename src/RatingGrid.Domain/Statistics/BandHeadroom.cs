namespace RatingGrid.Domain.Statistics;

/// <summary>
/// How far a figure is from the next band: the fewest further yes answers that would lift it, and
/// further no answers that would lower it. Null where it cannot move that way (already in the top or
/// bottom band, or no further answers of that kind could ever get it there).
/// </summary>
public sealed record BandHeadroom(int? YesToLift, int? NoToLower)
{
    public static BandHeadroom None { get; } = new(null, null);
}
