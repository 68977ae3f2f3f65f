using System.Net;
using System.Security.Cryptography.X509Certificates;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Host.Access;
using RatingGrid.Host.Configuration;
using RatingGrid.Host.Errors;
using RatingGrid.Host.Health;

namespace RatingGrid.Host.Hosting;

/// <summary>The gRPC side: Kestrel's ports, the services' dependencies, interceptors, health and reflection.</summary>
internal static class GrpcSetup
{
    public static void AddRatingGridGrpc(this WebApplicationBuilder builder, HostSettings settings, X509Certificate2? certificate)
    {
        var (service, limits) = (settings.Service, settings.Limits);
        builder.Services.AddSingleton(AccessRules.FromContract);
        builder.Services.AddSingleton(new WebPort(service.WebPort));
        builder.Services.AddCors(cors => cors.AddPolicy(WebPort.CorsPolicy, policy => policy
            .WithOrigins(service.WebAllowedOrigins)
            .WithMethods("POST")
            .AllowAnyHeader()
            .WithExposedHeaders("grpc-status", "grpc-message", "grpc-status-details-bin", "retry-after-ms")));
        builder.Services.AddSingleton<CallerLimits>();
        builder.Services.AddSingleton<RegionGuard>();
        builder.Services.AddSingleton<VisibilityGuard>();
        builder.Services.AddSingleton(RulebookCatalog.BuiltIn);
        builder.Services.AddSingleton<ServiceReadiness>();
        builder.Services.AddSingleton<Services.Watches>();
        builder.Services.AddSingleton<Services.Figures>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ServiceReadiness>());
        builder.Services.AddSingleton(sp => new HostDeparture(sp.GetRequiredService<Silo>().StopAsync, sp.GetRequiredService<ServiceReadiness>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<HostDeparture>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HostDeparture>());
        builder.Services.AddSingleton<WorkInHandInterceptor>();
        // Services and interceptors hold no per-call state: registered, grpc-dotnet reuses one of
        // each rather than constructing them for every call (a read's share of the profile).
        builder.Services.AddSingleton<Services.InspectionGrpcService>();
        builder.Services.AddSingleton<Services.RulebookGrpcService>();
        builder.Services.AddSingleton<Services.AggregationGrpcService>();
        builder.Services.AddSingleton<Services.RegistryGrpcService>();
        builder.Services.AddSingleton<ErrorMappingInterceptor>();
        builder.Services.AddSingleton<AccessInterceptor>();
        builder.Services.AddSingleton<InspectionAccess>();
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = limits.MaxMessageBytes;
            o.MaxSendMessageSize = limits.MaxMessageBytes;
            // Outermost first: errors of every kind map to statuses; then nobody unadmitted gets further;
            // then an inspection's region and visibility, for every rpc about one; then the call counts
            // as work a leaving host finishes before its silo leaves.
            o.Interceptors.Add<ErrorMappingInterceptor>();
            o.Interceptors.Add<AccessInterceptor>();
            o.Interceptors.Add<InspectionAccess>();
            o.Interceptors.Add<WorkInHandInterceptor>();
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks(o =>
            {
                // "" is readiness, as probes and load balancers ask; storage has a name of its own (see StorageHealthCheck).
                o.Services.Clear();
                o.Services.Map("", check => check.Tags.Contains(HealthTags.Ready));
                o.Services.Map("ratinggrid.storage", check => check.Tags.Contains(HealthTags.Storage));
            })
            .AddCheck<ServiceReadiness>("silo", tags: [HealthTags.Ready])
            .AddCheck<FiguresReadiness>("figures", tags: [HealthTags.Ready])
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, tags: [HealthTags.Storage]);
        // Our provider binds every service in place of grpc-dotnet's (see MarshallingMethodProvider);
        // after every AddGrpc* call, each of which would add grpc-dotnet's back.
        builder.Services.RemoveAll(typeof(IServiceMethodProvider<>));
        builder.Services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(MarshallingMethodProvider<>));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = RatingGridApp.ShutdownTimeout);
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
            // Browsers speak gRPC-Web over HTTP/1.1, or HTTP/2 where TLS lets them negotiate it.
            kestrel.Listen(address, service.WebPort, o =>
            {
                o.Protocols = certificate is null ? HttpProtocols.Http1 : HttpProtocols.Http1AndHttp2;
                if (certificate is not null)
                {
                    o.UseHttps(certificate);
                }
            });
            // A client that stops answering pings is dropped, releasing its streams.
            kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(60);
            // Gateways and dashboard backends carry many watches on one connection; Kestrel's 100
            // would leave the next call on it waiting for a free stream forever.
            kestrel.Limits.Http2.MaxStreamsPerConnection = limits.MaxStreamsPerConnection;
        });
    }
}
