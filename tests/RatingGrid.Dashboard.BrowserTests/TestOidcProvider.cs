using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RatingGrid.Security;
using RatingGrid.Testing;

namespace RatingGrid.Dashboard.BrowserTests;

/// <summary>
/// A small OpenID Connect provider on loopback for the dashboard's production sign-in: discovery,
/// keys, the authorization code flow with PKCE (the person is signed in as <see cref="Subject"/> at
/// once, bound to <see cref="Region"/>), and access tokens for the service's audience. Just enough
/// of the protocol for a real browser running the real authentication library to complete it.
/// </summary>
internal sealed class TestOidcProvider : IAsyncDisposable
{
    public const string Subject = "oidc-reader@inspectorate";
    public const string Region = "North East";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, (string ClientId, string Nonce, string Challenge, string Scope)> _codes = new();

    private TestOidcProvider(WebApplication app, RsaSecurityKey key, string issuer) => (_app, _key, Issuer) = (app, key, issuer);

    public string Issuer { get; }

    public static async Task<TestOidcProvider> StartAsync()
    {
        var issuer = $"http://127.0.0.1:{LocalHostSettings.FreePort()}";
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-oidc" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(issuer);
        builder.Services.AddCors();
        var app = builder.Build();
        var provider = new TestOidcProvider(app, key, issuer);
        // The browser calls discovery, keys and the token endpoint from the dashboard's origin.
        app.UseCors(cors => cors.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod());
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(provider.Discovery()));
        app.MapGet("/keys", () => Results.Json(provider.Keys()));
        app.MapGet("/authorize", (HttpRequest request) => provider.Authorize(request));
        app.MapPost("/token", async (HttpRequest request) => provider.Token(await request.ReadFormAsync()));
        app.MapGet("/userinfo", () => Results.Json(new Dictionary<string, string> { ["sub"] = Subject, ["name"] = "OIDC reader" }));
        app.MapGet("/logout", (string? post_logout_redirect_uri, string? state) =>
            Results.Redirect($"{post_logout_redirect_uri ?? "/"}{(state is null ? "" : $"?state={Uri.EscapeDataString(state)}")}"));
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
        if (!_codes.TryRemove(form["code"].ToString(), out var grant) || Challenge(form["code_verifier"].ToString()) != grant.Challenge)
        {
            return Results.Json(new Dictionary<string, string> { ["error"] = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var serviceScopes = string.Join(' ', grant.Scope.Split(' ').Where(s => s.StartsWith("ratinggrid.", StringComparison.Ordinal)));
        var access = Mint(DevelopmentTokens.DefaultAudience, [new("scope", serviceScopes), new(TokenClaims.Region, Region)]);
        var identity = Mint(grant.ClientId, [new("nonce", grant.Nonce), new("name", "OIDC reader")]);
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = access, ["id_token"] = identity, ["token_type"] = "Bearer", ["expires_in"] = 3600, ["scope"] = grant.Scope,
        });
    }

    /// <summary>An access token for the service with <paramref name="scope"/> in every region: how the test itself writes.</summary>
    public string AccessToken(string scope) => Mint(DevelopmentTokens.DefaultAudience, [new("scope", scope), new(TokenClaims.Region, TokenClaims.AllRegions)]);

    private string Mint(string audience, Claim[] claims) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = audience,
        Subject = new ClaimsIdentity([new Claim("sub", Subject), .. claims]),
        IssuedAt = DateTime.UtcNow,
        Expires = DateTime.UtcNow.AddHours(1),
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
