using System.ComponentModel.DataAnnotations;

namespace RatingGrid.Host.Configuration;

/// <summary>Where grain state lives (section <c>Storage</c>).</summary>
public sealed class StorageSettings
{
    public const string Section = "Storage";

    public const string AzureBlob = "AzureBlob";

    public const string Memory = "Memory";

    /// <summary>
    /// <c>AzureBlob</c> (durable; the default) or <c>Memory</c> (benchmarks and experiments: held by
    /// the one silo, lost on restart).
    /// </summary>
    [Required]
    public string Provider { get; set; } = AzureBlob;

    /// <summary>An Azure Storage connection string (Azurite's on developer machines and in CI).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob container of the inspections' journals; the standings table is named after it.</summary>
    [Required]
    public string Container { get; set; } = "ratinggrid-inspections";

    /// <summary>The most one storage call may take, retries included; a change that cannot be stored in it fails with UNAVAILABLE.</summary>
    [Range(1, 60)]
    public int OperationTimeoutSeconds { get; set; } = 5;
}
