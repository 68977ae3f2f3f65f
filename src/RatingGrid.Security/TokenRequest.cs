namespace RatingGrid.Security;

/// <summary>What a development token grants, and to whom.</summary>
public sealed record TokenRequest(string Subject, IReadOnlyList<string> Scopes, IReadOnlyList<string> Regions, TimeSpan Lifetime)
{
    public string Audience { get; init; } = DevelopmentTokens.DefaultAudience;

    /// <summary>Everything, in every region: what the README's run path uses.</summary>
    public static TokenRequest Everything(string subject, TimeSpan lifetime) => new(subject, RatingGrid.Security.Scopes.All, [TokenClaims.AllRegions], lifetime);
}
