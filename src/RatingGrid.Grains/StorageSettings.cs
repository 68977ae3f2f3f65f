namespace RatingGrid.Grains;

/// <summary>Where inspection state lives.</summary>
public sealed class StorageSettings
{
    /// <summary>
    /// <c>AzureBlob</c> (durable; the default) or <c>Memory</c> (benchmarks and experiments: held by
    /// the one silo, lost on restart).
    /// </summary>
    public string Provider { get; set; } = AzureBlob;

    /// <summary>An Azure Storage connection string (Azurite's on developer machines and in CI).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob container that holds one blob per inspection.</summary>
    public string Container { get; set; } = "ratinggrid-inspections";

    public const string AzureBlob = "AzureBlob";

    public const string Memory = "Memory";
}

/// <summary>Limits the grains enforce; the gRPC layer enforces the wire-level ones.</summary>
public sealed class GrainLimits
{
    /// <summary>Distinct cases one inspection may hold, withdrawn ones included.</summary>
    public int MaxCasesPerInspection { get; set; } = 10_000;
}
