namespace RatingGrid.Dashboard.SignIn;

/// <summary>A development token as the sign-in minted it, kept for the browser tab's session.</summary>
public sealed record SignedInToken(string Token, DateTimeOffset ExpiresAt);
