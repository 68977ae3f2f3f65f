using Microsoft.AspNetCore.Mvc;
using RatingGrid.Security.SignIn;

namespace RatingGrid.Web.SignIn;

/// <summary>
/// The service host's development sign-in (its web port, /development/sign-in), called from this
/// server: it offers the regions and scopes, and mints short-lived reading tokens. The token goes
/// into the person's session here, never to their browser.
/// </summary>
internal sealed class DevelopmentSignInClient(HttpClient http)
{
    public async Task<SignInChoices> ChoicesAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<SignInChoices>("development/sign-in", cancellationToken)
        ?? throw new InvalidOperationException("The service's development sign-in answered nothing.");

    /// <summary>The token minted, or why the sign-in was refused.</summary>
    public async Task<(SignedInToken? Token, string? Refusal)> SignInAsync(SignInRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("development/sign-in", request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return (await response.Content.ReadFromJsonAsync<SignedInToken>(cancellationToken), null);
        }

        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(cancellationToken);
        return (null, problem?.Detail ?? $"The service refused the sign-in ({(int)response.StatusCode}).");
    }
}
