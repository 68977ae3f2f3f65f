namespace RatingGrid.Dashboard.SignIn;

/// <summary>How the host the dashboard came from signs people in.</summary>
public enum SignInMode
{
    /// <summary>The host runs without authentication (tests only): no token is sent.</summary>
    None,

    /// <summary>The host trusts a development key and mints short-lived tokens on its sign-in page.</summary>
    Development,

    /// <summary>The host trusts an OpenID Connect authority; people sign in there.</summary>
    OpenIdConnect,
}
