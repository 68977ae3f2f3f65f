namespace RatingGrid.Security.SignIn;

/// <summary>A development sign-in (POST /development/sign-in): who (free text, for the audit trail), which regions ("*": all), which scopes.</summary>
public sealed record SignInRequest(string? Name, IReadOnlyList<string>? Regions, IReadOnlyList<string>? Scopes);
