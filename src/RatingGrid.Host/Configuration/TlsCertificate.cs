using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace RatingGrid.Host.Configuration;

/// <summary>The gRPC port's certificate, from PEM files (the shape of a Kubernetes TLS secret).</summary>
internal static class TlsCertificate
{
    public static X509Certificate2? Load(ServiceSettings service)
    {
        var (certificate, key) = (service.TlsCertificateFile, service.TlsKeyFile);
        if (string.IsNullOrEmpty(certificate) && string.IsNullOrEmpty(key))
        {
            return null;
        }

        if (string.IsNullOrEmpty(certificate) || string.IsNullOrEmpty(key))
        {
            throw Invalid("Service:TlsCertificateFile and Service:TlsKeyFile go together: set both, or neither for plaintext.");
        }

        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificate, key);
            // A PEM-loaded key is ephemeral, which the Windows TLS stack refuses; a PKCS#12 round trip works everywhere.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw Invalid($"Service:TlsCertificateFile '{certificate}' with Service:TlsKeyFile '{key}' cannot be loaded: {ex.Message}");
        }
    }

    private static OptionsValidationException Invalid(string message) => new(ServiceSettings.Section, typeof(ServiceSettings), [message]);
}
