namespace RatingGrid.Grains;

/// <summary>Names of the grain storage providers RatingGrid's grains use.</summary>
public static class StorageNames
{
    /// <summary>Inspection state: a blob per inspection.</summary>
    public const string Inspections = "inspections";
}
