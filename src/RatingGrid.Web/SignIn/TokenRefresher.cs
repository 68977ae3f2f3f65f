using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using RatingGrid.Web.Hosting;

namespace RatingGrid.Web.SignIn;

/// <summary>
/// Refreshes an access token at the OpenID Connect authority's token endpoint, as the confidential
/// client this app is. An authority that rotates refresh tokens accepts each once, while one
/// person's page and its live feed may ask at the same moment, and a live feed cannot save what it
/// got into the session (its response has begun): so each refresh token's renewal is made once and
/// remembered a while, and whoever presents that refresh token gets the same new tokens.
/// </summary>
internal sealed partial class TokenRefresher(IOptionsMonitor<OpenIdConnectOptions> oidc, WebSettings settings, IHttpClientFactory clients, TimeProvider time, ILogger<TokenRefresher> logger)
{
    // Longer than any gap between a renewal and the next request that saves it into the session.
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (Task<Renewed?> Renewal, DateTimeOffset Until)> _renewals = new(StringComparer.Ordinal);

    public sealed record Renewed(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt);

    /// <summary>The new tokens, or null when the authority refuses (the person then signs in again when the service refuses the old one).</summary>
    public Task<Renewed?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        if (settings.SignIn != WebSettings.OpenIdConnect)
        {
            return Task.FromResult<Renewed?>(null);
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var stale in _renewals.Where(r => r.Value.Until < now).Select(r => r.Key).ToList())
            {
                _renewals.Remove(stale);
            }

            if (!_renewals.TryGetValue(refreshToken, out var renewal))
            {
                // Not the caller's cancellation: others may wait on this renewal after the caller has gone.
                renewal = (RequestAsync(refreshToken, CancellationToken.None), now + Remembered);
                _renewals[refreshToken] = renewal;
            }

            return renewal.Renewal.WaitAsync(cancellationToken);
        }
    }

    private async Task<Renewed?> RequestAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        using var request = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = settings.ClientId!,
            ["client_secret"] = settings.ClientSecret!,
        });
        using var response = await clients.CreateClient(nameof(TokenRefresher)).PostAsync(new Uri(configuration.TokenEndpoint), request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogRefused((int)response.StatusCode);
            return null;
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = body.RootElement;
        var lifetime = root.TryGetProperty("expires_in", out var seconds) ? TimeSpan.FromSeconds(seconds.GetInt32()) : TimeSpan.FromMinutes(5);
        var renewed = new Renewed(
            root.GetProperty("access_token").GetString()!,
            root.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
            time.GetUtcNow() + lifetime);
        LogRefreshed(renewed.ExpiresAt);
        return renewed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refreshed an access token at the authority; the new one expires at {ExpiresAt:o}")]
    private partial void LogRefreshed(DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The authority refused to refresh an access token ({Status}); the person will be asked to sign in again")]
    private partial void LogRefused(int status);
}
