namespace RatingGrid.Host.Hosting;

/// <summary>How the dashboard signs people in on this host (served as /dashboard-settings.json).</summary>
internal sealed record DashboardClientSettings(string SignIn, string? Authority, string? ClientId, IReadOnlyList<string> Scopes)
{
    public const string NoSignIn = "none";

    public const string Development = "development";

    public const string OpenIdConnect = "oidc";
}
