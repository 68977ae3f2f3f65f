namespace RatingGrid.Domain.Rulebooks;

/// <summary>The inspectorate's four-point scale, worst first so that comparisons read naturally.</summary>
public enum Rating
{
    Inadequate = 0,
    RequiresImprovement = 1,
    Good = 2,
    Outstanding = 3,
}

/// <summary>The rating scale.</summary>
public static class RatingNames
{
    /// <summary>Every rating on the scale, worst first.</summary>
    public static IReadOnlyList<Rating> Scale { get; } = [Rating.Inadequate, Rating.RequiresImprovement, Rating.Good, Rating.Outstanding];
}
