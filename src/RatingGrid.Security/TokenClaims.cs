namespace RatingGrid.Security;

/// <summary>The claims RatingGrid reads from a token.</summary>
public static class TokenClaims
{
    /// <summary>The caller, recorded as the actor of every change it makes.</summary>
    public const string Subject = "sub";

    /// <summary>Granted scopes, space-separated (OAuth 2.0); <see cref="ScopeList"/> is the array form some providers use.</summary>
    public const string Scope = "scope";

    public const string ScopeList = "scp";

    /// <summary>The regions the token may read and write, one value each; <see cref="AllRegions"/> for every region.</summary>
    public const string Region = "ratinggrid_region";

    public const string AllRegions = "*";
}
