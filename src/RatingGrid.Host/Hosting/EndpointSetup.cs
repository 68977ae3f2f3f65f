using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using RatingGrid.Host.Access;
using RatingGrid.Host.Configuration;
using RatingGrid.Host.Health;
using RatingGrid.Host.Services;

namespace RatingGrid.Host.Hosting;

/// <summary>What each port serves: gRPC on one, probes and metrics on the other.</summary>
internal static class EndpointSetup
{
    public static void MapRatingGridEndpoints(this WebApplication app, ServiceSettings service)
    {
        var grpc = $"*:{service.GrpcPort}";
        var health = $"*:{service.HealthPort}";
        var web = $"*:{service.WebPort}";
        // Each service on both ports; on the web port only reads and watches are admitted (AccessInterceptor).
        app.MapGrpcService<InspectionGrpcService>().RequireHost(grpc, web).EnableGrpcWeb().RequireCors(WebPort.CorsPolicy);
        app.MapGrpcService<RulebookGrpcService>().RequireHost(grpc, web).EnableGrpcWeb().RequireCors(WebPort.CorsPolicy);
        app.MapGrpcService<AggregationGrpcService>().RequireHost(grpc, web).EnableGrpcWeb().RequireCors(WebPort.CorsPolicy);
        app.MapGrpcService<RegistryGrpcService>().RequireHost(grpc, web).EnableGrpcWeb().RequireCors(WebPort.CorsPolicy);
        app.MapGrpcHealthChecksService().RequireHost(grpc);
        app.MapGrpcReflectionService().RequireHost(grpc);
        // Live: the process answers. Ready: the silo has started and shutdown has not begun.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).RequireHost(health);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) }).RequireHost(health);
        app.MapHealthChecks("/health/storage", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Storage) }).RequireHost(health);
        // Prometheus scrapes the HTTP/1.1 port, beside the probes.
        app.MapPrometheusScrapingEndpoint("/metrics").RequireHost(health);
    }
}
