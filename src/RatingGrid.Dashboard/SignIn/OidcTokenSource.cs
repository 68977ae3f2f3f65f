using Microsoft.AspNetCore.Components.WebAssembly.Authentication;

namespace RatingGrid.Dashboard.SignIn;

/// <summary>The access token the OpenID Connect authority issued, refreshed by the authentication library.</summary>
internal sealed class OidcTokenSource(IAccessTokenProvider tokens) : ITokenSource
{
    public async ValueTask<string?> GetAsync(CancellationToken cancellationToken)
    {
        var result = await tokens.RequestAccessToken();
        return result.TryGetToken(out var token) ? token.Value : null;
    }

    public string SignInAddress(string returnPath) => $"authentication/login?returnUrl={Uri.EscapeDataString(returnPath)}";

    public ValueTask SignOutAsync() => ValueTask.CompletedTask;
}
