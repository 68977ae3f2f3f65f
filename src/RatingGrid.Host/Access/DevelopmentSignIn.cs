using RatingGrid.Security;

namespace RatingGrid.Host.Access;

/// <summary>
/// The dashboard's sign-in on a host that trusts a development key: it mints a short-lived token
/// for the region and scopes a developer picks. Never present on a host with a production authority
/// (the two are refused together), and it grants reading only: the web port serves no write.
/// </summary>
internal sealed class DevelopmentSignIn(byte[] key, TimeSpan lifetime, string audience, TimeProvider clock)
{
    /// <summary>The scopes a dashboard may ask for: reading, never writing or administration.</summary>
    public static IReadOnlyList<string> Grantable { get; } = [Scopes.Read, Scopes.National, Scopes.Unpublished, Scopes.Embargoed];

    /// <summary>The longest name a person may sign in with (it becomes the token's subject).</summary>
    public const int MaxNameLength = 128;

    /// <summary>The most regions one sign-in may be bound to (there are twelve; '*' stands for them all).</summary>
    public const int MaxRegions = 64;

    public TimeSpan Lifetime => lifetime;

    /// <summary>A token for <paramref name="regions"/> (or every region) with read and the chosen scopes, or why not.</summary>
    public SignInResult Mint(string subject, IReadOnlyList<string> regions, IReadOnlyList<string> scopes)
    {
        if (subject.Length > MaxNameLength)
        {
            return SignInResult.Refused($"The name is {subject.Length} characters long; give at most {MaxNameLength}.");
        }

        if (regions.Count == 0 || regions.Any(string.IsNullOrWhiteSpace))
        {
            return SignInResult.Refused($"Choose a region, or '{TokenClaims.AllRegions}' for every region.");
        }

        if (regions.Count > MaxRegions || regions.Any(r => r.Length > MaxNameLength))
        {
            return SignInResult.Refused($"Choose at most {MaxRegions} regions, each named in at most {MaxNameLength} characters.");
        }

        if (scopes.FirstOrDefault(s => !Grantable.Contains(s)) is { } unknown)
        {
            return SignInResult.Refused($"The scope '{unknown}' cannot be granted to a dashboard; choose from {string.Join(", ", Grantable)}.");
        }

        var now = clock.GetUtcNow();
        var granted = scopes.Append(Scopes.Read).Distinct().ToList();
        var token = DevelopmentTokens.Mint(key, new TokenRequest(subject, granted, regions, lifetime) { Audience = audience }, now);
        return SignInResult.Signed(token, now + lifetime);
    }
}
