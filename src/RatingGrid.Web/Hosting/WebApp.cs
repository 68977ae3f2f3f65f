using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using RatingGrid.Web.Components;
using RatingGrid.Web.Live;
using RatingGrid.Web.Reading;
using RatingGrid.Web.SignIn;

namespace RatingGrid.Web.Hosting;

/// <summary>The web app: server-rendered pages, their live feeds, sign-in, and the one channel to the service.</summary>
public static class WebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);
        // Run from its build output (run.sh, the tests), its files are found through the build's
        // manifest in any environment; a publish has them in wwwroot and no manifest.
        builder.WebHost.UseStaticWebAssets();
        var settings = builder.Configuration.GetSection(WebSettings.Section).Get<WebSettings>() ?? new WebSettings();
        if (settings.Problems() is { Count: > 0 } problems)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(WebSettings.Section, typeof(WebSettings), problems);
        }

        var certificate = settings.TlsCertificateFile is { Length: > 0 } file ? X509Certificate2.CreateFromPemFile(file, settings.TlsKeyFile) : null;
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddRazorComponents();
        builder.AddRatingGridSignIn(settings);
        builder.Services.AddSingleton(sp => ServiceChannel.Create(settings, sp.GetRequiredService<SessionTokens>()));
        builder.Services.AddSingleton<IReads>(sp => new GrpcReads(sp.GetRequiredService<Grpc.Net.Client.GrpcChannel>()));
        builder.Services.AddSingleton(sp => new HtmlRenderer(sp, sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<LiveFragments>();
        builder.Services.AddHealthChecks();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(settings.Address), settings.Port, listen =>
        {
            if (certificate is not null)
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
            }
        }));

        var app = builder.Build();
        app.UseRatingGridSecurityHeaders(settings);
        if (certificate is not null)
        {
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        app.MapRatingGridSignIn(settings);
        app.MapRatingGridLive();
        app.MapHealthChecks("/health/live");
        app.MapHealthChecks("/health/ready");
        return app;
    }
}
