using RatingGrid.Contracts.V1;

namespace RatingGrid.Dashboard.Components;

/// <summary>Where an inspection is in its lifecycle, as a reader would say it.</summary>
public static class StatusNames
{
    public static string Name(InspectionStatus status) => status switch
    {
        InspectionStatus.Open => "Fieldwork",
        InspectionStatus.Closed => "Closed: checking the draft",
        InspectionStatus.Embargoed => "Embargoed",
        InspectionStatus.Published => "Published",
        _ => "Unknown",
    };
}
