namespace RatingGrid.Domain.Lifecycle;

/// <summary>What each <see cref="Visibility"/> shows.</summary>
public static class VisibilityExtensions
{
    /// <summary>Whether a reader with this visibility may see the figures of an inspection in <paramref name="status"/>.</summary>
    public static bool Shows(this Visibility visibility, InspectionStatus status) => status switch
    {
        InspectionStatus.Published => true,
        InspectionStatus.Embargoed => visibility >= Visibility.Embargoed,
        _ => visibility == Visibility.Unpublished,
    };
}
