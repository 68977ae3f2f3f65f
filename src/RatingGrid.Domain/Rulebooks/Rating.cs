namespace RatingGrid.Domain.Rulebooks;

/// <summary>The inspectorate's four-point scale, worst first so that comparisons read naturally.</summary>
public enum Rating
{
    Inadequate = 0,
    RequiresImprovement = 1,
    Good = 2,
    Outstanding = 3,
}
