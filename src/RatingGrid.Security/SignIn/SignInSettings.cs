namespace RatingGrid.Security.SignIn;

/// <summary>
/// How people sign in to a browser client of this service (served by the host as JSON): not at all
/// (a host without authentication), with the development sign-in, or at an OpenID Connect authority.
/// </summary>
/// <param name="SignIn">One of <see cref="None"/>, <see cref="Development"/>, <see cref="OpenIdConnect"/>.</param>
/// <param name="ClientId">The browser client's id at the authority.</param>
/// <param name="Scopes">The scopes the browser client asks the authority for.</param>
public sealed record SignInSettings(string SignIn, string? Authority, string? ClientId, IReadOnlyList<string>? Scopes)
{
    public const string None = "none";

    public const string Development = "development";

    public const string OpenIdConnect = "oidc";

    public SignInMode Mode => SignIn switch
    {
        Development => SignInMode.Development,
        OpenIdConnect => SignInMode.OpenIdConnect,
        _ => SignInMode.None,
    };
}
