using RatingGrid.Contracts.V1;

namespace RatingGrid.Dashboard.Components;

/// <summary>Ratings as the inspectorate's reports name them.</summary>
public static class RatingNames
{
    public static string Name(this Rating rating) => rating switch
    {
        Rating.Outstanding => "Outstanding",
        Rating.Good => "Good",
        Rating.RequiresImprovement => "Requires improvement",
        Rating.Inadequate => "Inadequate",
        _ => "Not yet rated",
    };
}
