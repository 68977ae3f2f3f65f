namespace RatingGrid.Dashboard.SignIn;

/// <summary>Who signs in (for the audit trail), for which regions ("*": all), with which scopes.</summary>
public sealed record SignInRequest(string Name, IReadOnlyList<string> Regions, IReadOnlyList<string> Scopes);
