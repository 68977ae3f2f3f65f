namespace RatingGrid.Security.SignIn;

/// <summary>How people sign in (see <see cref="SignInSettings"/>).</summary>
public enum SignInMode
{
    /// <summary>No sign-in: the host runs without authentication.</summary>
    None,

    /// <summary>The development sign-in: a host trusting a development key mints reading tokens.</summary>
    Development,

    /// <summary>The code flow with PKCE at an OpenID Connect authority.</summary>
    OpenIdConnect,
}
