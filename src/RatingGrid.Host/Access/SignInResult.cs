namespace RatingGrid.Host.Access;

/// <summary>A minted token and when it expires, or why none was minted.</summary>
internal sealed record SignInResult(string? Token, DateTimeOffset? ExpiresAt, string? Refusal)
{
    public static SignInResult Signed(string token, DateTimeOffset expiresAt) => new(token, expiresAt, null);

    public static SignInResult Refused(string why) => new(null, null, why);
}
