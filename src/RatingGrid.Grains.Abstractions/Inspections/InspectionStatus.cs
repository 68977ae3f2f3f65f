namespace RatingGrid.Grains.Abstractions.Inspections;

/// <summary>Whether an inspection takes changes.</summary>
public enum InspectionStatus
{
    Open = 0,
    Closed = 1,
}
