namespace RatingGrid.Host.Hosting;

/// <summary>What the development sign-in offers: the registered regions, the grantable scopes, a token's lifetime.</summary>
internal sealed record DevelopmentSignInOptions(IReadOnlyList<string> Regions, IReadOnlyList<string> Scopes, int LifetimeMinutes);
