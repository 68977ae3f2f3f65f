using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using RatingGrid.Web.Hosting;

namespace RatingGrid.Web.SignIn;

/// <summary>
/// The signed-in person's access token for the service, as their session on this server holds it
/// (the browser holds only the session's key, in an HttpOnly cookie). At an OpenID Connect
/// authority a token about to expire is refreshed here first, and the session keeps the new one.
/// </summary>
internal sealed class SessionTokens(IHttpContextAccessor http, WebSettings settings, TokenRefresher refresher, TimeProvider time)
{
    public const string AccessToken = "access_token";
    public const string RefreshToken = "refresh_token";
    public const string ExpiresAtName = "expires_at";

    // Refreshed this long before it expires, so that a call made with it is not refused on the way.
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    /// <summary>The token of the person the current request is for; null without sign-in or session.</summary>
    public async ValueTask<string?> AccessTokenAsync(CancellationToken cancellationToken)
    {
        if (settings.SignIn == WebSettings.None || http.HttpContext is not { } context)
        {
            return null;
        }

        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (session is not { Succeeded: true, Properties: { } properties, Principal: { } person })
        {
            return null;
        }

        if (ExpiringSoon(properties) && await RenewAsync(properties, cancellationToken))
        {
            // A renewal remembered from an earlier request may hold a token that has since expired.
            if (ExpiresAt(properties) <= time.GetUtcNow())
            {
                await RenewAsync(properties, cancellationToken);
            }

            // A live feed's response has begun, so its session cannot be saved now; the next page's
            // request presents the same refresh token, gets the same renewal and saves it.
            if (!context.Response.HasStarted)
            {
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, person, properties);
            }
        }

        return properties.GetTokenValue(AccessToken);
    }

    private async Task<bool> RenewAsync(AuthenticationProperties properties, CancellationToken cancellationToken)
    {
        if (properties.GetTokenValue(RefreshToken) is not { Length: > 0 } refresh || await refresher.RefreshAsync(refresh, cancellationToken) is not { } renewed)
        {
            return false;
        }

        properties.UpdateTokenValue(AccessToken, renewed.AccessToken);
        properties.UpdateTokenValue(RefreshToken, renewed.RefreshToken ?? refresh);
        properties.UpdateTokenValue(ExpiresAtName, renewed.ExpiresAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    private bool ExpiringSoon(AuthenticationProperties properties) => ExpiresAt(properties) - time.GetUtcNow() < Margin;

    // When the session's access token expires; a session without the time is taken as not expiring.
    private static DateTimeOffset ExpiresAt(AuthenticationProperties properties) =>
        DateTimeOffset.TryParse(properties.GetTokenValue(ExpiresAtName), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var expires)
            ? expires
            : DateTimeOffset.MaxValue;
}
