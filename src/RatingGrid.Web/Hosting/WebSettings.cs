namespace RatingGrid.Web.Hosting;

/// <summary>The web app's settings (section <c>Web</c>; environment variables <c>Web__Key</c>).</summary>
public sealed class WebSettings
{
    public const string Section = "Web";

    public const string None = "None";
    public const string Development = "Development";
    public const string OpenIdConnect = "OpenIdConnect";

    /// <summary>Where the pages are served (both HTTP and, with a certificate, HTTPS on the one port).</summary>
    public string Address { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 5085;

    /// <summary>The service's gRPC addresses: one host or a proxy, or every host (the web app then balances over them).</summary>
    // Arrays have no defaults here: configuration binding would add to them rather than replace them.
    public string[] ServiceAddresses { get; set; } = [];

    /// <summary><see cref="None"/> (a service without authentication), <see cref="Development"/> or <see cref="OpenIdConnect"/>.</summary>
    public string SignIn { get; set; } = Development;

    /// <summary>Development: the service host's web port, whose /development/sign-in mints reading tokens.</summary>
    public string DevelopmentSignIn { get; set; } = "http://127.0.0.1:5082/";

    /// <summary>OpenID Connect: the authority, this app's client id and secret (a confidential client), and the scopes asked for.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string[] Scopes { get; set; } = [];

    /// <summary>The scopes asked for: <see cref="Scopes"/>, or by default a person's reading scopes and a refresh token.</summary>
    public IReadOnlyList<string> ScopesAsked => Scopes.Length > 0 ? Scopes : ["openid", "profile", "offline_access", "ratinggrid.read", "ratinggrid.national", "ratinggrid.unpublished"];

    /// <summary>Fetch the authority's metadata over HTTPS only.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>PEM certificate and key: the port then speaks HTTPS only, cookies are Secure and HSTS is sent.</summary>
    public string? TlsCertificateFile { get; set; }

    public string? TlsKeyFile { get; set; }

    /// <summary>The settings' mistakes, each naming the setting, in words an operator can act on.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Port is < 1 or > 65535)
        {
            problems.Add($"Web:Port is {Port}; allowed: 1 to 65535");
        }

        if (ServiceAddresses.Length == 0 || ServiceAddresses.Any(a => !Uri.TryCreate(a, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            problems.Add($"Web:ServiceAddresses is '{string.Join(", ", ServiceAddresses)}'; give one or more http(s) addresses of the service's gRPC port");
        }

        switch (SignIn)
        {
            case None:
                break;
            case Development when !Uri.TryCreate(DevelopmentSignIn, UriKind.Absolute, out _):
                problems.Add($"Web:DevelopmentSignIn is '{DevelopmentSignIn}'; give the service host's web port address (http://127.0.0.1:5082/)");
                break;
            case Development:
                break;
            case OpenIdConnect when string.IsNullOrWhiteSpace(Authority) || string.IsNullOrWhiteSpace(ClientId) || string.IsNullOrWhiteSpace(ClientSecret):
                problems.Add("Web:SignIn is OpenIdConnect: Web:Authority, Web:ClientId and Web:ClientSecret are all required");
                break;
            case OpenIdConnect:
                break;
            default:
                problems.Add($"Web:SignIn is '{SignIn}'; allowed: {None}, {Development}, {OpenIdConnect}");
                break;
        }

        if (string.IsNullOrEmpty(TlsCertificateFile) != string.IsNullOrEmpty(TlsKeyFile))
        {
            problems.Add("Web:TlsCertificateFile and Web:TlsKeyFile go together: give both or neither");
        }

        return problems;
    }
}
