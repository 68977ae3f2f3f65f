namespace RatingGrid.Host.Hosting;

/// <summary>The token minted by a development sign-in and when it expires.</summary>
internal sealed record DevelopmentSignInToken(string Token, DateTimeOffset ExpiresAt);
