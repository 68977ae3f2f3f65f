using RatingGrid.Host.Access;
using RatingGrid.Host.Configuration;

namespace RatingGrid.Host.Hosting;

/// <summary>The process: an Orleans silo and the gRPC services that front it, configured from settings.</summary>
public static class RatingGridApp
{
    /// <summary>How long a stopping host waits for in-flight calls; deployments must allow longer.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json (log levels among it) lies beside the assembly, wherever the host is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        var settings = builder.AddRatingGridSettings();
        var certificate = TlsCertificate.Load(settings.Service);

        // Traces cost an activity per gRPC call, grain call and storage request; they are made only
        // when a collector is configured (the standard OTEL_ variable) to send them to.
        var tracing = !string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.AddRatingGridOrleans(settings, tracing);
        builder.AddRatingGridAuthentication(settings.Auth);
        builder.AddRatingGridGrpc(settings, certificate);
        builder.AddRatingGridTelemetry(tracing);
        var app = builder.Build();
        app.UseRouting();
        app.UseCors();
        app.UseGrpcWeb();
        if (settings.Auth.Mode != AuthSettings.None)
        {
            app.UseAuthentication();
        }

        app.MapRatingGridEndpoints(settings.Service);
        app.MapDevelopmentSignIn(settings);
        app.AnnounceWhenStarted(settings);
        return app;
    }
}
