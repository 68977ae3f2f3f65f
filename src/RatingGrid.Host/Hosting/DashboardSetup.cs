using Microsoft.Extensions.FileProviders;
using RatingGrid.Host.Configuration;

namespace RatingGrid.Host.Hosting;

/// <summary>
/// Serves the published dashboard (its wwwroot) at / on the gRPC-Web port, so that its calls go to
/// its own origin; client-side addresses (/inspections/...) fall back to index.html.
/// </summary>
internal static partial class DashboardSetup
{
    public static void UseRatingGridDashboard(this WebApplication app, ServiceSettings service)
    {
        var root = service.DashboardPath is { Length: > 0 } path ? Path.Combine(Path.GetFullPath(path), "wwwroot") : null;
        if (root is null || !File.Exists(Path.Combine(root, "index.html")))
        {
            if (root is not null)
            {
                LogNoDashboard(app.Logger, root);
            }

            return;
        }

        app.Environment.WebRootPath = root;
        app.Environment.WebRootFileProvider = new PhysicalFileProvider(root);
        var precompressed = new PrecompressedFiles(root);
        app.UseWhen(context => context.Connection.LocalPort == service.WebPort, web =>
        {
            web.UseBlazorFrameworkFiles();
            web.Use((context, next) => precompressed.ServeAsync(context, () => next(context)));
            web.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = precompressed });
        });
        app.MapFallbackToFile("index.html").RequireHost($"*:{service.WebPort}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No dashboard is served: {Root} holds no index.html (publish it with scripts/publish-dashboard.sh).")]
    private static partial void LogNoDashboard(ILogger logger, string root);
}
