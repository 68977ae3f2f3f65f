using System.Net.Http.Json;
using System.Text.Json;
using RatingGrid.Security.SignIn;

namespace RatingGrid.Dashboard.SignIn;

/// <summary>The development sign-in over the host's /development/sign-in (plain JSON: it is not part of the gRPC contract).</summary>
internal sealed class HttpDevelopmentSignIn(HttpClient http) : IDevelopmentSignIn
{
    private const string Address = "development/sign-in";

    public async Task<SignInChoices> ChoicesAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<SignInChoices>(Address, cancellationToken)
        ?? throw new SignInRefusedException("The host offers no development sign-in.");

    public async Task<SignedInToken> SignInAsync(SignInRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(Address, request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SignInRefusedException(await ReasonAsync(response, cancellationToken));
        }

        return await response.Content.ReadFromJsonAsync<SignedInToken>(cancellationToken)
            ?? throw new SignInRefusedException("The host answered without a token.");
    }

    private static async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var problem = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : $"The host answered {(int)response.StatusCode}.";
        }
        catch (JsonException)
        {
            return $"The host answered {(int)response.StatusCode}.";
        }
    }
}
