using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RatingGrid.Security;

/// <summary>
/// Tokens signed with a local key, for development and tests only. Their issuer is
/// <see cref="Issuer"/>, which a host configured with a production authority never accepts.
/// </summary>
public static class DevelopmentTokens
{
    public const string Issuer = "ratinggrid-development";

    public const string DefaultAudience = "ratinggrid";

    public static SymmetricSecurityKey SigningKey(byte[] key) => new(key) { KeyId = "ratinggrid-development" };

    public static string Mint(byte[] key, TokenRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var claims = new List<Claim> { new(TokenClaims.Subject, request.Subject), new(TokenClaims.Scope, string.Join(' ', request.Scopes)) };
        claims.AddRange(request.Regions.Select(r => new Claim(TokenClaims.Region, r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = request.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + request.Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(key), SecurityAlgorithms.HmacSha256),
        });
    }
}
