namespace RatingGrid.Dashboard.SignIn;

/// <summary>The host's /dashboard-settings.json: how people sign in, and for OpenID Connect, where.</summary>
public sealed record DashboardSettings(string SignIn, string? Authority, string? ClientId, IReadOnlyList<string>? Scopes)
{
    public SignInMode Mode => SignIn switch
    {
        "development" => SignInMode.Development,
        "oidc" => SignInMode.OpenIdConnect,
        _ => SignInMode.None,
    };
}
