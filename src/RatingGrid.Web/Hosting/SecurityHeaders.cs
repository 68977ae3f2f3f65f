namespace RatingGrid.Web.Hosting;

/// <summary>
/// Headers on every response: a Content-Security-Policy that allows this site's own files and
/// nothing inline or evaluated (the pages have no inline script or style at all), never framed;
/// no MIME sniffing; no full address sent to other sites. HSTS is added under TLS (UseHsts).
/// </summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseRatingGridSecurityHeaders(this IApplicationBuilder app, WebSettings settings)
    {
        // A sign-in form posts here and is redirected to the authority: form-action must allow it too.
        var authority = settings.SignIn == WebSettings.OpenIdConnect && Uri.TryCreate(settings.Authority, UriKind.Absolute, out var uri) ? " " + uri.GetLeftPart(UriPartial.Authority) : "";
        var policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
            $"object-src 'none'; base-uri 'self'; form-action 'self'{authority}; frame-ancestors 'none'";
        return app.Use((context, next) =>
        {
            // Set as the response starts: an error page re-executed for a status clears what was set before.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
