using System.Text.Json;
using Microsoft.JSInterop;
using RatingGrid.Security.SignIn;

namespace RatingGrid.Dashboard.SignIn;

/// <summary>
/// The development sign-in's token, kept in the tab's sessionStorage so that a reload or a typed
/// address keeps the person signed in, and forgotten once it has expired (they sign in again).
/// </summary>
internal sealed class DevelopmentTokenSource(IJSRuntime js, TimeProvider clock) : ITokenSource, ITokenStore
{
    private const string Key = "ratinggrid.token";

    // Expiring a little early means no call leaves with a token that dies on the way.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    private SignedInToken? _token;

    public async ValueTask<string?> GetAsync(CancellationToken cancellationToken)
    {
        _token ??= await ReadAsync(cancellationToken);
        if (_token is null || _token.ExpiresAt - Margin <= clock.GetUtcNow())
        {
            return null;
        }

        return _token.Token;
    }

    public async ValueTask SaveAsync(SignedInToken token)
    {
        _token = token;
        await js.InvokeVoidAsync("sessionStorage.setItem", Key, JsonSerializer.Serialize(token));
    }

    public string SignInAddress(string returnPath) => $"sign-in?return={Uri.EscapeDataString(returnPath)}";

    public async ValueTask SignOutAsync()
    {
        _token = null;
        await js.InvokeVoidAsync("sessionStorage.removeItem", Key);
    }

    private async Task<SignedInToken?> ReadAsync(CancellationToken cancellationToken)
    {
        var stored = await js.InvokeAsync<string?>("sessionStorage.getItem", cancellationToken, Key);
        try
        {
            return stored is null ? null : JsonSerializer.Deserialize<SignedInToken>(stored);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
