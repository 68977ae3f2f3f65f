namespace RatingGrid.Grains.Hosting;

/// <summary>Names of the grain storage providers and directories RatingGrid's grains use.</summary>
public static class StorageNames
{
    /// <summary>Inspection state: a blob per inspection.</summary>
    public const string Inspections = "inspections";

    /// <summary>Region and national state: a blob per aggregate.</summary>
    public const string Aggregates = "aggregates";

    /// <summary>
    /// The grain directory of regions and the nation. Orleans' default directory allows a second
    /// activation for a while after a silo is lost; for these few grains that would mean a copy that
    /// stops receiving publications and serves stale figures, so they use the directory that never does.
    /// </summary>
    public const string AggregateDirectory = "aggregates";
}
