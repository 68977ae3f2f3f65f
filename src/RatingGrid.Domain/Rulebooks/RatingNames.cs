namespace RatingGrid.Domain.Rulebooks;

/// <summary>The rating scale.</summary>
public static class RatingNames
{
    /// <summary>Every rating on the scale, worst first.</summary>
    public static IReadOnlyList<Rating> Scale { get; } = [Rating.Inadequate, Rating.RequiresImprovement, Rating.Good, Rating.Outstanding];
}
