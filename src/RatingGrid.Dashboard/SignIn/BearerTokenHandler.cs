using System.Net.Http.Headers;

namespace RatingGrid.Dashboard.SignIn;

/// <summary>
/// Puts the signed-in person's token on every gRPC-Web call. Without one the call goes bare and
/// the service answers UNAUTHENTICATED, which pages turn into a trip to the sign-in page.
/// </summary>
internal sealed class BearerTokenHandler(ITokenSource tokens, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (await tokens.GetAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
