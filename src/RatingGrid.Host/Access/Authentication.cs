using Grpc.Core;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using RatingGrid.Host.Configuration;
using RatingGrid.Security;

namespace RatingGrid.Host.Access;

/// <summary>Bearer-token authentication: a production OpenID Connect authority, or a local development key; never both.</summary>
internal static class Authentication
{
    private const string FailureKey = "RatingGrid.AuthenticationFailure";

    public static void AddRatingGridAuthentication(this WebApplicationBuilder builder, AuthSettings auth)
    {
        if (auth.Mode == AuthSettings.None)
        {
            return;
        }

        var authority = auth.Authority;
        var developmentKeyGiven = !string.IsNullOrEmpty(auth.DevelopmentKeyFile) || !string.IsNullOrEmpty(auth.DevelopmentKey);
        if (auth.Mode != AuthSettings.Jwt)
        {
            throw Invalid($"Auth:Mode '{auth.Mode}' is not known; use {AuthSettings.Jwt}, or {AuthSettings.None} to run without authentication.");
        }

        if (!string.IsNullOrEmpty(authority) && developmentKeyGiven)
        {
            throw Invalid("Auth:Authority and a development key (Auth:DevelopmentKeyFile or Auth:DevelopmentKey) are both set: a host with a production authority refuses development tokens. Remove the development key.");
        }

        if (!string.IsNullOrEmpty(auth.DevelopmentKeyFile) && !string.IsNullOrEmpty(auth.DevelopmentKey))
        {
            throw Invalid("Auth:DevelopmentKeyFile and Auth:DevelopmentKey are both set; give the key one way.");
        }

        if (!string.IsNullOrEmpty(auth.Issuer) && string.IsNullOrEmpty(authority))
        {
            throw Invalid($"Auth:Issuer is set without Auth:Authority; development tokens always have the issuer '{DevelopmentTokens.Issuer}'.");
        }

        if (string.IsNullOrEmpty(authority) && !developmentKeyGiven)
        {
            throw Invalid("Set Auth:Authority (production: an OpenID Connect authority) or Auth:DevelopmentKeyFile (development: scripts/dev-key.sh), or Auth:Mode=None to run without authentication.");
        }

        var developmentKey = developmentKeyGiven ? ReadKey(auth) : null;
        if (developmentKey is not null)
        {
            builder.Services.AddSingleton(new DevelopmentSignIn(developmentKey, TimeSpan.FromMinutes(auth.DevelopmentSignInMinutes), auth.Audience, TimeProvider.System));
        }

        var validated = new ValidatedTokens(TimeProvider.System);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            // Claims keep their JWT names ("sub", "scope"), not the WS-Federation URIs.
            o.MapInboundClaims = false;
            o.Audience = auth.Audience;
            o.TokenValidationParameters.ValidAudience = auth.Audience;
            o.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(auth.ClockSkewSeconds);
            o.TokenValidationParameters.RequireExpirationTime = true;
            o.TokenValidationParameters.RequireSignedTokens = true;
            o.TokenValidationParameters.NameClaimType = TokenClaims.Subject;
            if (developmentKey is null)
            {
                o.Authority = authority;
                o.RequireHttpsMetadata = auth.RequireHttpsMetadata;
                if (!string.IsNullOrEmpty(auth.Issuer))
                {
                    o.TokenValidationParameters.ValidIssuer = auth.Issuer;
                }
            }
            else
            {
                o.TokenValidationParameters.ValidIssuer = DevelopmentTokens.Issuer;
                o.TokenValidationParameters.IssuerSigningKey = DevelopmentTokens.SigningKey(developmentKey);
                // A token must name the key that signed it: one naming another key is refused even if the bytes happen to verify.
                o.TokenValidationParameters.TryAllIssuerSigningKeys = false;
                o.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }

            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    if (BearerToken(context.Request) is { } token && validated.TryGet(token, out var principal))
                    {
                        context.Principal = principal;
                        context.Success();
                    }

                    return Task.CompletedTask;
                },
                OnTokenValidated = context =>
                {
                    if (BearerToken(context.Request) is { } token && context.Principal is { } principal)
                    {
                        validated.Add(token, principal, new DateTimeOffset(DateTime.SpecifyKind(context.SecurityToken.ValidTo, DateTimeKind.Utc)));
                    }

                    return Task.CompletedTask;
                },
                OnAuthenticationFailed = context =>
                {
                    context.HttpContext.Items[FailureKey] = Describe(context.Exception, auth);
                    return Task.CompletedTask;
                },
            };
        });
    }

    /// <summary>Why the call's token was refused, or why it has none, in words a caller can act on.</summary>
    public static Status Refusal(HttpContext http) =>
        http.Items.TryGetValue(FailureKey, out var failure) && failure is Status status
            ? status
            : new Status(StatusCode.Unauthenticated,
                "This call needs a bearer token: send the header 'authorization: Bearer <token>'. For development, 'ratinggrid token' mints one with the key of scripts/dev-key.sh.");

    private static Status Describe(Exception exception, AuthSettings auth) => exception switch
    {
        SecurityTokenExpiredException e => Refused($"The bearer token expired at {e.Expires:u}; get a new one."),
        SecurityTokenNotYetValidException e => Refused($"The bearer token is not valid before {e.NotBefore:u}; check the issuer's clock."),
        SecurityTokenInvalidAudienceException => Refused($"The bearer token is for another audience; this server accepts only '{auth.Audience}'."),
        SecurityTokenInvalidIssuerException when !string.IsNullOrEmpty(auth.Authority) =>
            Refused($"The bearer token was not issued by {auth.Issuer ?? auth.Authority}, the only issuer this server trusts (development tokens are refused here)."),
        SecurityTokenInvalidIssuerException => Refused("The bearer token was not issued by this server's development key."),
        SecurityTokenSignatureKeyNotFoundException =>
            Refused("The bearer token names a signing key (its 'kid') that this server does not have."),
        SecurityTokenInvalidSignatureException =>
            Refused("The bearer token's signature is not from a key this server trusts."),
        SecurityTokenNoExpirationException => Refused("The bearer token has no expiry; this server accepts only tokens that expire."),
        SecurityTokenMalformedException or ArgumentException => Refused("The bearer token is not a well-formed JWT."),
        // The authority's metadata could not be fetched: not the caller's fault, and worth retrying.
        InvalidOperationException or HttpRequestException or IOException =>
            new Status(StatusCode.Unavailable, "The token authority cannot be reached to check the bearer token; retry later."),
        _ => Refused("The bearer token is not valid."),
    };

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    private static Status Refused(string message) => new(StatusCode.Unauthenticated, message);

    private static byte[] ReadKey(AuthSettings auth)
    {
        try
        {
            return string.IsNullOrEmpty(auth.DevelopmentKey) ? DevelopmentKey.Read(auth.DevelopmentKeyFile!) : DevelopmentKey.Parse(auth.DevelopmentKey, "Auth:DevelopmentKey");
        }
        catch (DevelopmentKeyException ex)
        {
            throw Invalid($"Auth: {ex.Message}");
        }
    }

    private static OptionsValidationException Invalid(string message) => new(AuthSettings.Section, typeof(AuthSettings), [message]);
}
