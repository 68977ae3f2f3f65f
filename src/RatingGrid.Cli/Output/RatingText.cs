using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Output;

/// <summary>Ratings as the inspectorate's reports name them.</summary>
internal static class RatingText
{
    public static string Name(this Rating rating) => rating switch
    {
        Rating.Outstanding => "Outstanding",
        Rating.Good => "Good",
        Rating.RequiresImprovement => "Requires improvement",
        Rating.Inadequate => "Inadequate",
        _ => "Unrated",
    };
}
