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

    /// <summary>The key id (<c>kid</c>) development tokens carry and a development host requires.</summary>
    public const string KeyId = "ratinggrid-development";

    public static SymmetricSecurityKey SigningKey(byte[] key, string keyId = KeyId) => new(key) { KeyId = keyId };

    /// <param name="keyId">The key id the token names; anything but <see cref="KeyId"/> is refused (tests use that).</param>
    public static string Mint(byte[] key, TokenRequest request, DateTimeOffset now, string keyId = KeyId)
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
            SigningCredentials = new SigningCredentials(SigningKey(key, keyId), SecurityAlgorithms.HmacSha256),
        });
    }
}
