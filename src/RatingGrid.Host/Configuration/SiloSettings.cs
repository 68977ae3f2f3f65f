using System.ComponentModel.DataAnnotations;

namespace RatingGrid.Host.Configuration;

/// <summary>The Orleans silo (section <c>Silo</c>; the <c>Orleans</c> section is Orleans' own).</summary>
public sealed class SiloSettings
{
    public const string Section = "Silo";

    /// <summary>Part of every storage key: keep it stable, or stored state looks lost.</summary>
    [Required]
    public string ServiceId { get; set; } = "ratinggrid";

    [Required]
    public string ClusterId { get; set; } = "ratinggrid-dev";

    /// <summary>
    /// <c>Localhost</c>: a single process. <c>AzureTable</c>: several silos that find each other
    /// through a table in the storage account of <c>Storage:ConnectionString</c>.
    /// </summary>
    [Required]
    public string Clustering { get; set; } = Localhost;

    /// <summary>The address other silos reach this one at (AzureTable clustering): an IP (a pod's) or a host name. Default: loopback.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    public const string Localhost = "Localhost";

    public const string AzureTable = "AzureTable";
}
