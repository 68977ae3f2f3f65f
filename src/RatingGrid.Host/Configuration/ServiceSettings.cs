using System.ComponentModel.DataAnnotations;

namespace RatingGrid.Host.Configuration;

/// <summary>Where the service listens (section <c>Service</c>).</summary>
public sealed class ServiceSettings
{
    public const string Section = "Service";

    /// <summary>The address both ports bind to. Loopback by default: expose it deliberately.</summary>
    [Required]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>gRPC, HTTP/2 only (no TLS here, so no protocol negotiation). 0 picks a free port.</summary>
    [Range(0, 65535)]
    public int GrpcPort { get; set; } = 5080;

    /// <summary>HTTP/1.1: /health/live and /health/ready for probes. 0 picks a free port.</summary>
    [Range(0, 65535)]
    public int HealthPort { get; set; } = 5081;

    /// <summary>PEM certificate (chain) for TLS on the gRPC port; with <see cref="TlsKeyFile"/>. Unset: plaintext HTTP/2.</summary>
    public string? TlsCertificateFile { get; set; }

    /// <summary>PEM private key of <see cref="TlsCertificateFile"/>.</summary>
    public string? TlsKeyFile { get; set; }
}

/// <summary>Request limits (section <c>Limits</c>); exceeding one is refused with a status naming it.</summary>
public sealed class LimitSettings
{
    public const string Section = "Limits";

    /// <summary>Largest gRPC message accepted, in bytes.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    [Range(1, 100_000)]
    public int MaxJudgementsPerBatch { get; set; } = 1_000;

    /// <summary>Longest id (inspection, PDU, case, actor, key question, standard), in characters.</summary>
    [Range(8, 4096)]
    public int MaxIdLength { get; set; } = 128;

    /// <summary>Longest free text (names, rationales, trait values), in characters.</summary>
    [Range(16, 100_000)]
    public int MaxTextLength { get; set; } = 2_000;

    [Range(1, 10_000_000)]
    public int MaxCasesPerInspection { get; set; } = 10_000;

    /// <summary>Batches one judgement stream may have in flight before the server stops reading.</summary>
    [Range(1, 10_000)]
    public int MaxBatchesInFlightPerStream { get; set; } = 64;

    /// <summary>Streaming calls one caller (token subject, else address) may have open at once.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentStreamsPerClient { get; set; } = 16;

    /// <summary>Calls per second one caller may make, each message on a stream counting as one.</summary>
    [Range(1, 10_000_000)]
    public int RequestsPerSecondPerClient { get; set; } = 10_000;

    /// <summary>How many calls a caller may make at once above its rate before being throttled.</summary>
    [Range(1, 10_000_000)]
    public int RequestBurstPerClient { get; set; } = 10_000;
}

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
