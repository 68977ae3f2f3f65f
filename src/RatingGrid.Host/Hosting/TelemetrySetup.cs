using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RatingGrid.Grains.Diagnostics;
using RatingGrid.Host.Diagnostics;

namespace RatingGrid.Host.Hosting;

/// <summary>Metrics (Prometheus, always) and traces (OTLP, only when a collector is configured).</summary>
internal static class TelemetrySetup
{
    public static void AddRatingGridTelemetry(this WebApplicationBuilder builder, bool tracing)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(GrainMetrics.MeterName, HostMetrics.MeterName)
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
}
