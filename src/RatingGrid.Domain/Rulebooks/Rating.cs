namespace RatingGrid.Domain.Rulebooks;

/// <summary>The inspectorate's four-point scale, worst first so that comparisons read naturally.</summary>
public enum Rating
{
    Inadequate = 0,
    RequiresImprovement = 1,
    Good = 2,
    Outstanding = 3,
}

/// <summary>Display names as the inspectorate prints them.</summary>
public static class RatingNames
{
    public static string Display(this Rating rating) => rating switch
    {
        Rating.Inadequate => "Inadequate",
        Rating.RequiresImprovement => "Requires improvement",
        Rating.Good => "Good",
        Rating.Outstanding => "Outstanding",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "Not a rating on the inspectorate's scale."),
    };

    /// <summary>Every rating on the scale, worst first.</summary>
    public static IReadOnlyList<Rating> Scale { get; } = [Rating.Inadequate, Rating.RequiresImprovement, Rating.Good, Rating.Outstanding];
}
