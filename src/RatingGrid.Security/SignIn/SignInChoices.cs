namespace RatingGrid.Security.SignIn;

/// <summary>What the development sign-in offers (GET /development/sign-in): the registered regions, the scopes it grants, a token's lifetime.</summary>
public sealed record SignInChoices(IReadOnlyList<string> Regions, IReadOnlyList<string> Scopes, int LifetimeMinutes);
