using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RatingGrid.Security;
using RatingGrid.Testing;

namespace RatingGrid.Web.BrowserTests;

/// <summary>
/// A small OpenID Connect provider on loopback for the web app's production sign-in: discovery,
/// keys, the authorization code flow with PKCE for a confidential client (the person is signed in as
/// <see cref="Subject"/> at once, bound to <see cref="Region"/>), refresh tokens, end of session, and
/// access tokens for the service's audience that last <see cref="AccessTokenLifetime"/> (short: the
/// web app must refresh them). Just enough of the protocol for ASP.NET Core's handler to complete it.
/// </summary>
internal sealed class TestOidcProvider : IAsyncDisposable
{
    public const string Subject = "oidc-reader@inspectorate";
    public const string Region = "North East";
    public const string ClientId = "ratinggrid-web";
    public const string ClientSecret = "web-secret-for-tests";

    /// <summary>Shorter than the web app's refresh margin (a minute): every use refreshes first.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(30);

    private int _refreshes;
    private int _endedSessions;

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, (string ClientId, string Nonce, string Challenge, string Scope)> _codes = new();
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new();

    private TestOidcProvider(WebApplication app, RsaSecurityKey key, string issuer) => (_app, _key, Issuer) = (app, key, issuer);

    public string Issuer { get; }

    /// <summary>Refresh-token grants answered.</summary>
    public int Refreshes => Volatile.Read(ref _refreshes);

    /// <summary>Sessions ended at the end-session endpoint.</summary>
    public int EndedSessions => Volatile.Read(ref _endedSessions);

    public static async Task<TestOidcProvider> StartAsync()
    {
        var issuer = $"http://127.0.0.1:{LocalHostSettings.FreePort()}";
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-oidc" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(issuer);
        var app = builder.Build();
        var provider = new TestOidcProvider(app, key, issuer);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(provider.Discovery()));
        app.MapGet("/keys", () => Results.Json(provider.Keys()));
        app.MapGet("/authorize", (HttpRequest request) => provider.Authorize(request));
        app.MapPost("/token", async (HttpRequest request) => provider.Token(await request.ReadFormAsync()));
        app.MapGet("/userinfo", () => Results.Json(new Dictionary<string, string> { ["sub"] = Subject, ["name"] = "OIDC reader" }));
        app.MapGet("/logout", (string? post_logout_redirect_uri, string? state) =>
        {
            Interlocked.Increment(ref provider._endedSessions);
            return Results.Redirect($"{post_logout_redirect_uri ?? "/"}{(state is null ? "" : $"?state={Uri.EscapeDataString(state)}")}");
        });
        await app.StartAsync();
        return provider;
    }

    private Dictionary<string, object> Discovery() => new()
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = $"{Issuer}/authorize",
        ["token_endpoint"] = $"{Issuer}/token",
        ["userinfo_endpoint"] = $"{Issuer}/userinfo",
        ["end_session_endpoint"] = $"{Issuer}/logout",
        ["jwks_uri"] = $"{Issuer}/keys",
        ["response_types_supported"] = new[] { "code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
    };

    private Dictionary<string, object> Keys()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
        return new() { ["keys"] = new[] { new Dictionary<string, string> { ["kty"] = jwk.Kty, ["kid"] = jwk.Kid, ["use"] = "sig", ["alg"] = "RS256", ["n"] = jwk.N, ["e"] = jwk.E } } };
    }

    // Consent is assumed: straight back to the client with a code bound to its PKCE challenge and nonce.
    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = (query["client_id"].ToString(), query["nonce"].ToString(), query["code_challenge"].ToString(), query["scope"].ToString());
        return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
    }

    private IResult Token(IFormCollection form)
    {
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new Dictionary<string, string> { ["error"] = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (form["grant_type"] == "refresh_token")
        {
            if (!_refreshTokens.TryRemove(form["refresh_token"].ToString(), out var scope))
            {
                return Results.Json(new Dictionary<string, string> { ["error"] = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
            }

            Interlocked.Increment(ref _refreshes);
            return Results.Json(Tokens(scope, idToken: null));
        }

        if (!_codes.TryRemove(form["code"].ToString(), out var grant) || Challenge(form["code_verifier"].ToString()) != grant.Challenge)
        {
            return Results.Json(new Dictionary<string, string> { ["error"] = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        return Results.Json(Tokens(grant.Scope, Mint(grant.ClientId, [new("nonce", grant.Nonce), new("name", "OIDC reader")], TimeSpan.FromHours(1))));
    }

    private Dictionary<string, object> Tokens(string scope, string? idToken)
    {
        var serviceScopes = string.Join(' ', scope.Split(' ').Where(s => s.StartsWith("ratinggrid.", StringComparison.Ordinal)));
        var refresh = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _refreshTokens[refresh] = scope;
        var tokens = new Dictionary<string, object>
        {
            ["access_token"] = Mint(DevelopmentTokens.DefaultAudience, [new("scope", serviceScopes), new(TokenClaims.Region, Region)], AccessTokenLifetime),
            ["refresh_token"] = refresh,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
            ["scope"] = scope,
        };
        if (idToken is not null)
        {
            tokens["id_token"] = idToken;
        }

        return tokens;
    }

    /// <summary>An access token for the service with <paramref name="scope"/> in every region: how the test itself writes.</summary>
    public string AccessToken(string scope) => Mint(DevelopmentTokens.DefaultAudience, [new("scope", scope), new(TokenClaims.Region, TokenClaims.AllRegions)], TimeSpan.FromHours(1));

    private string Mint(string audience, Claim[] claims, TimeSpan lifetime) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = audience,
        Subject = new ClaimsIdentity([new Claim("sub", Subject), .. claims]),
        IssuedAt = DateTime.UtcNow,
        Expires = DateTime.UtcNow + lifetime,
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
    });

    private static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }
}
