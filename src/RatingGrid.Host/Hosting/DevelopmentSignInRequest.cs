namespace RatingGrid.Host.Hosting;

/// <summary>A development sign-in: who (free text, for the audit trail), which regions ("*": all) and which scopes.</summary>
internal sealed record DevelopmentSignInRequest(string? Name, IReadOnlyList<string>? Regions, IReadOnlyList<string>? Scopes);
