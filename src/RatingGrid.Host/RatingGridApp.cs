using System.Net;
using System.Security.Cryptography.X509Certificates;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Orleans.Configuration;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains;
using RatingGrid.Host.Access;
using RatingGrid.Host.Configuration;
using RatingGrid.Host.Grpc;
using RatingGrid.Host.Health;

namespace RatingGrid.Host;

/// <summary>The process: an Orleans silo and the gRPC services that front it, configured from settings.</summary>
public static partial class RatingGridApp
{
    /// <summary>How long a stopping host waits for in-flight calls; deployments must allow longer.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var service = Settings.Read<ServiceSettings>(builder.Configuration, ServiceSettings.Section);
        var limits = Settings.Read<LimitSettings>(builder.Configuration, LimitSettings.Section);
        var silo = Settings.Read<SiloSettings>(builder.Configuration, SiloSettings.Section);
        var storage = Settings.Read<StorageSettings>(builder.Configuration, "Storage");
        var auth = Settings.Read<AuthSettings>(builder.Configuration, AuthSettings.Section);
        var certificate = TlsCertificate.Load(service);

        // Traces cost an activity per gRPC call, grain call and storage request; they are made only
        // when a collector is configured (the standard OTEL_ variable) to send them to.
        var tracing = !string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.AddRatingGridOrleans(silo, storage, limits, tracing);
        builder.AddRatingGridAuthentication(auth);
        builder.AddRatingGridGrpc(service, limits, auth, certificate);
        builder.AddRatingGridTelemetry(tracing);
        var app = builder.Build();
        if (auth.Mode != AuthSettings.None)
        {
            app.UseAuthentication();
        }

        app.MapRatingGridEndpoints(service);
        app.AnnounceWhenStarted(service, storage, auth);
        return app;
    }

    private static void AddRatingGridOrleans(this WebApplicationBuilder builder, SiloSettings silo, StorageSettings storage, LimitSettings limits, bool tracing)
    {
        if (silo.Clustering is not (SiloSettings.Localhost or SiloSettings.AzureTable))
        {
            throw new OptionsValidationException(SiloSettings.Section, typeof(SiloSettings),
                [$"Silo:Clustering '{silo.Clustering}' is not known; use {SiloSettings.Localhost} or {SiloSettings.AzureTable}."]);
        }

        if (storage.Provider == StorageSettings.Memory && silo.Clustering != SiloSettings.Localhost)
        {
            throw new OptionsValidationException(SiloSettings.Section, typeof(SiloSettings),
                [$"Storage:Provider {StorageSettings.Memory} keeps state inside one host, so it cannot serve a cluster; use Silo:Clustering {SiloSettings.Localhost}, or {StorageSettings.AzureBlob} storage."]);
        }

        var advertised = AdvertisedAddress(silo.AdvertisedAddress);

        // Azure SDK activities are opt-in; they carry the storage leg of each trace.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", tracing);
        builder.UseOrleans(orleans =>
        {
            if (tracing)
            {
                orleans.AddActivityPropagation();
            }

            if (silo.Clustering == SiloSettings.Localhost)
            {
                orleans.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, serviceId: silo.ServiceId, clusterId: silo.ClusterId);
            }
            else
            {
                orleans.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(
                    storage.ConnectionString ?? throw new OptionsValidationException("Storage", typeof(StorageSettings),
                        ["Storage:ConnectionString is required for AzureTable clustering."])));
                orleans.ConfigureEndpoints(advertised, silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: true);
            }

            orleans.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (silo.ServiceId, silo.ClusterId));
            orleans.AddRatingGridGrains(storage, new GrainLimits { MaxCasesPerInspection = limits.MaxCasesPerInspection });
        });
    }

    // An IP address, or a host name (a container's) resolved once at start-up.
    private static IPAddress AdvertisedAddress(string address)
    {
        if (IPAddress.TryParse(address, out var ip))
        {
            return ip;
        }

        try
        {
            return Dns.GetHostAddresses(address).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                ?? throw new OptionsValidationException(SiloSettings.Section, typeof(SiloSettings), [$"Silo:AdvertisedAddress '{address}' has no IPv4 address."]);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            throw new OptionsValidationException(SiloSettings.Section, typeof(SiloSettings), [$"Silo:AdvertisedAddress '{address}' does not resolve: {ex.Message}"]);
        }
    }

    private static void AddRatingGridGrpc(this WebApplicationBuilder builder, ServiceSettings service, LimitSettings limits, AuthSettings auth, X509Certificate2? certificate)
    {
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton(auth);
        builder.Services.AddSingleton(AccessRules.FromContract);
        builder.Services.AddSingleton<CallerLimits>();
        builder.Services.AddSingleton<RegionGuard>();
        builder.Services.AddSingleton(RulebookCatalog.BuiltIn);
        builder.Services.AddSingleton<ServiceReadiness>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ServiceReadiness>());
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = limits.MaxMessageBytes;
            o.MaxSendMessageSize = limits.MaxMessageBytes;
            // Outermost first: errors of every kind map to statuses; then nobody unadmitted gets further.
            o.Interceptors.Add<ErrorMappingInterceptor>();
            o.Interceptors.Add<AccessInterceptor>();
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<ServiceReadiness>("silo");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.Parse(service.Address);
            // Without TLS there is no protocol negotiation: gRPC needs a port that speaks only HTTP/2,
            // and probes need HTTP/1.1, so each gets its own port. Probes stay plaintext (kubelet).
            kestrel.Listen(address, service.GrpcPort, o =>
            {
                o.Protocols = HttpProtocols.Http2;
                if (certificate is not null)
                {
                    o.UseHttps(certificate);
                }
            });
            kestrel.Listen(address, service.HealthPort, o => o.Protocols = HttpProtocols.Http1);
            // A client that stops answering pings is dropped, releasing its streams.
            kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(60);
        });
    }

    private static void AddRatingGridTelemetry(this WebApplicationBuilder builder, bool tracing)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(GrainMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());
        if (tracing)
        {
            telemetry
                .WithTracing(traces => traces
                    // The gRPC call (ASP.NET Core), the grain calls (Orleans) and the storage requests (Azure SDK).
                    .AddAspNetCoreInstrumentation()
                    .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                    .AddSource("Azure.*"))
                .UseOtlpExporter();
        }
    }

    private static void MapRatingGridEndpoints(this WebApplication app, ServiceSettings service)
    {
        var grpc = $"*:{service.GrpcPort}";
        var health = $"*:{service.HealthPort}";
        app.MapGrpcService<InspectionGrpcService>().RequireHost(grpc);
        app.MapGrpcService<RulebookGrpcService>().RequireHost(grpc);
        app.MapGrpcService<AggregationGrpcService>().RequireHost(grpc);
        app.MapGrpcHealthChecksService().RequireHost(grpc);
        app.MapGrpcReflectionService().RequireHost(grpc);
        // Live: the process answers. Ready: the silo has started and shutdown has not begun.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).RequireHost(health);
        app.MapHealthChecks("/health/ready").RequireHost(health);
        // Prometheus scrapes the HTTP/1.1 port, beside the probes.
        app.MapPrometheusScrapingEndpoint("/metrics").RequireHost(health);
    }

    private static void AnnounceWhenStarted(this WebApplication app, ServiceSettings service, StorageSettings storage, AuthSettings auth)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RatingGrid");
        var tls = !string.IsNullOrEmpty(service.TlsCertificateFile);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            LogListening(logger, tls ? "https" : "http", service.Address, service.GrpcPort, service.HealthPort, storage.Provider,
                auth.Mode == AuthSettings.None ? "none" : string.IsNullOrEmpty(auth.Authority) ? "development key" : auth.Authority);
            if (storage.Provider == StorageSettings.Memory)
            {
                LogMemoryStorage(logger);
            }

            if (auth.Mode == AuthSettings.None)
            {
                LogNoAuthentication(logger);
            }
            else if (!tls && !IPAddress.IsLoopback(IPAddress.Parse(service.Address)))
            {
                LogTokensInClear(logger, service.Address);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RatingGrid is serving gRPC on {Scheme}://{Address}:{GrpcPort} (HTTP/2) and health on http://{Address}:{HealthPort}/health/ready; storage: {Storage}; tokens: {Tokens}")]
    private static partial void LogListening(ILogger logger, string scheme, string address, int grpcPort, int healthPort, string storage, string tokens);

    [LoggerMessage(Level = LogLevel.Critical, Message = "AUTHENTICATION IS OFF (Auth:Mode=None): anyone who can reach this port may read every rating and write every judgement, and actors are whatever requests claim. Never run like this outside a test.")]
    private static partial void LogNoAuthentication(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bearer tokens arrive in clear on {Address}: set Service:TlsCertificateFile and Service:TlsKeyFile, or terminate TLS in front of this port.")]
    private static partial void LogTokensInClear(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "STORAGE IS IN MEMORY: every judgement is lost when this process stops. Use Storage:Provider=AzureBlob for anything but tests.")]
    private static partial void LogMemoryStorage(ILogger logger);
}
