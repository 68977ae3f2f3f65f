using RatingGrid.Contracts.V1;

namespace RatingGrid.Client.Display;

/// <summary>How every RatingGrid client names ratings, statuses and changes: one wording, chosen once.</summary>
public static class Names
{
    /// <summary>What a rating that is not given yet (RATING_UNSPECIFIED in results: unrated, or an overall rating still provisional) reads as.</summary>
    public const string NotYetRated = "Not yet rated";

    /// <summary>What a rating reads as that an inspection's published report did not give.</summary>
    public const string NotPublished = "Not published";

    /// <summary>How an inspection recorded from its published report is marked wherever it is shown.</summary>
    public const string FromPublishedReport = "From the published report";

    /// <summary>A rating as the inspectorate's reports name it.</summary>
    public static string Name(this Rating rating) => rating switch
    {
        Rating.Outstanding => "Outstanding",
        Rating.Good => "Good",
        Rating.RequiresImprovement => "Requires improvement",
        Rating.Inadequate => "Inadequate",
        _ => NotYetRated,
    };

    /// <summary>Where an inspection is in its lifecycle, as a reader would say it.</summary>
    public static string Name(this InspectionStatus status) => status switch
    {
        InspectionStatus.Open => "Fieldwork",
        InspectionStatus.Closed => "Closed: checking the draft",
        InspectionStatus.Embargoed => "Embargoed",
        InspectionStatus.Published => "Published",
        _ => "Unknown",
    };

    /// <summary>What a standard id or "overall" in a <see cref="RatingChange"/> reads as.</summary>
    public static string Subject(this RatingChange change) => change.Id == "overall" ? "Overall" : change.Id;

    /// <summary>A change as "P1.1: Requires improvement to Good".</summary>
    public static string Describe(this RatingChange change) => $"{change.Subject()}: {change.Before.Name()} to {change.After.Name()}";
}
