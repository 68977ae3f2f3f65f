namespace RatingGrid.Security;

/// <summary>The OAuth scopes RatingGrid grants by; each rpc's <c>(ratinggrid.v1.required_scope)</c> names one.</summary>
public static class Scopes
{
    /// <summary>Read inspections, their ratings, breakdowns and case histories, regional figures and rulebooks.</summary>
    public const string Read = "ratinggrid.read";

    /// <summary>Record and withdraw judgements; set and clear judged ratings.</summary>
    public const string Write = "ratinggrid.write";

    /// <summary>Open, close and reopen inspections.</summary>
    public const string Admin = "ratinggrid.admin";

    /// <summary>National figures and every inspection's summary, across all regions.</summary>
    public const string National = "ratinggrid.national";

    public static IReadOnlyList<string> All { get; } = [Read, Write, Admin, National];
}

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
