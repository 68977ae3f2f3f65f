using System.Net;
using RatingGrid.Host.Configuration;

namespace RatingGrid.Host.Hosting;

/// <summary>What the host says once it has started: where it listens, and anything an operator must not miss.</summary>
internal static partial class StartupAnnouncements
{
    public static void AnnounceWhenStarted(this WebApplication app, HostSettings settings)
    {
        var (service, storage, auth) = (settings.Service, settings.Storage, settings.Auth);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RatingGrid");
        var tls = !string.IsNullOrEmpty(service.TlsCertificateFile);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            LogListening(logger, tls ? "https" : "http", service.Address, service.GrpcPort, service.WebPort, service.HealthPort, storage.Provider,
                auth.Mode == AuthSettings.None ? "none" : string.IsNullOrEmpty(auth.Authority) ? "development key" : auth.Authority);
            if (storage.Provider == StorageSettings.Memory)
            {
                LogMemoryStorage(logger);
            }

            if (auth.Mode == AuthSettings.None)
            {
                LogNoAuthentication(logger);
            }
            else if (string.IsNullOrEmpty(auth.Authority))
            {
                LogDevelopmentSignIn(logger, service.WebPort, auth.DevelopmentSignInMinutes);
            }

            if (auth.Mode != AuthSettings.None && !tls && !IPAddress.IsLoopback(IPAddress.Parse(service.Address)))
            {
                LogTokensInClear(logger, service.Address);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RatingGrid is serving gRPC on {Scheme}://{Address}:{GrpcPort} (HTTP/2), gRPC-Web for browsers on {Scheme}://{Address}:{WebPort} (reads and watches) and health on http://{Address}:{HealthPort}/health/ready; storage: {Storage}; tokens: {Tokens}")]
    private static partial void LogListening(ILogger logger, string scheme, string address, int grpcPort, int webPort, int healthPort, string storage, string tokens);

    [LoggerMessage(Level = LogLevel.Critical, Message = "AUTHENTICATION IS OFF (Auth:Mode=None): anyone who can reach this port may read every rating and write every judgement, and actors are whatever requests claim. Never run like this outside a test.")]
    private static partial void LogNoAuthentication(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Development sign-in is on (a development key is configured): anyone reaching port {WebPort} can sign in to the dashboard and read, with tokens lasting {Minutes} minutes. Production hosts set Auth:Authority instead.")]
    private static partial void LogDevelopmentSignIn(ILogger logger, int webPort, int minutes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bearer tokens arrive in clear on {Address}: set Service:TlsCertificateFile and Service:TlsKeyFile, or terminate TLS in front of this port.")]
    private static partial void LogTokensInClear(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "STORAGE IS IN MEMORY: every judgement is lost when this process stops. Use Storage:Provider=AzureBlob for anything but tests.")]
    private static partial void LogMemoryStorage(ILogger logger);
}
