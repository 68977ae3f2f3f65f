using RatingGrid.Security;

namespace RatingGrid.Host.Access;

/// <summary>
/// The port browsers reach over gRPC-Web. Dashboards read and watch; everything that changes
/// state stays on the gRPC port, so a page (or a script injected into one) holding a token cannot
/// write through it.
/// </summary>
internal sealed class WebPort(int port)
{
    /// <summary>The CORS policy of the gRPC-Web endpoints: the configured origins, none by default.</summary>
    public const string CorsPolicy = "dashboards";

    /// <summary>Whether the request arrived on the gRPC-Web port.</summary>
    public bool Serves(HttpContext context) => context.Connection.LocalPort == port;

    /// <summary>Whether an rpc needing <paramref name="scope"/> is served there: the read and watch rpcs.</summary>
    public static bool Admits(string scope) => scope is Scopes.Read or Scopes.National;
}
