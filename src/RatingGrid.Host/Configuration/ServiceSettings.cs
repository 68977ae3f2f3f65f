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

    /// <summary>
    /// gRPC-Web for browsers (dashboards): the read and watch rpcs only, over HTTP/1.1 (and HTTP/2
    /// when TLS is configured), with the same tokens, scopes, regions and limits. 0 picks a free port.
    /// </summary>
    [Range(0, 65535)]
    public int WebPort { get; set; } = 5082;

    /// <summary>Origins whose pages may call the gRPC-Web port (CORS), e.g. https://dashboard.example.org. None by default: closed.</summary>
    public string[] WebAllowedOrigins { get; set; } = [];

    /// <summary>PEM certificate (chain) for TLS on the gRPC port; with <see cref="TlsKeyFile"/>. Unset: plaintext HTTP/2.</summary>
    public string? TlsCertificateFile { get; set; }

    /// <summary>PEM private key of <see cref="TlsCertificateFile"/>.</summary>
    public string? TlsKeyFile { get; set; }
}
