using System.ComponentModel.DataAnnotations;

namespace RatingGrid.Host.Configuration;

/// <summary>Who may call (section <c>Auth</c>); see access.proto for scopes and claims.</summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";

    /// <summary><c>Jwt</c> (default): every call needs a bearer token. <c>None</c>: no authentication; logged loudly.</summary>
    [Required]
    public string Mode { get; set; } = Jwt;

    /// <summary>Production: the OpenID Connect authority whose discovery document gives the issuer and signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>The issuer tokens must name, when it differs from what the authority's discovery document says.</summary>
    public string? Issuer { get; set; }

    /// <summary>Fetch the authority's metadata over HTTPS only. Turn off only for a test authority on loopback.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The audience tokens must name.</summary>
    [Required]
    public string Audience { get; set; } = "ratinggrid";

    /// <summary>Development: a file holding the base64 signing key of <c>ratinggrid token</c> (scripts/dev-key.sh makes one).</summary>
    public string? DevelopmentKeyFile { get; set; }

    /// <summary>Development: the same key given inline (base64), for containers that take secrets as environment variables.</summary>
    public string? DevelopmentKey { get; set; }

    /// <summary>Tolerated clock difference between the token's issuer and this host.</summary>
    [Range(0, 300)]
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>Development: how long a token minted by the development sign-in lasts.</summary>
    [Range(1, 480)]
    public int DevelopmentSignInMinutes { get; set; } = 30;

    public const string Jwt = "Jwt";

    public const string None = "None";
}
