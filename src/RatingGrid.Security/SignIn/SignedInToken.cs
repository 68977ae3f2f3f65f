namespace RatingGrid.Security.SignIn;

/// <summary>The token a development sign-in minted, and when it expires.</summary>
public sealed record SignedInToken(string Token, DateTimeOffset ExpiresAt);
