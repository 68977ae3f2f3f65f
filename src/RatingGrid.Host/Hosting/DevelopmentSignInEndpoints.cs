using RatingGrid.Grains.Abstractions.Registry;
using RatingGrid.Host.Access;
using RatingGrid.Host.Configuration;
using RatingGrid.Security.SignIn;

namespace RatingGrid.Host.Hosting;

/// <summary>
/// The development sign-in, on a host with a development key only: what may be chosen, and the
/// short-lived reading token for a choice. The dashboard's server (src/RatingGrid.Web) calls it for
/// a person signing in locally; it is served on the gRPC-Web port, never the gRPC port.
/// </summary>
internal static class DevelopmentSignInEndpoints
{
    public static void MapDevelopmentSignIn(this WebApplication app, HostSettings settings)
    {
        var web = $"*:{settings.Service.WebPort}";
        var signIn = app.Services.GetService<DevelopmentSignIn>();
        if (signIn is null)
        {
            return;
        }

        app.MapGet("/development/sign-in", async (IGrainFactory grains) =>
        {
            var registry = await grains.GetGrain<IRegistryGrain>(0).GetAsync();
            return new SignInChoices(registry.Regions, DevelopmentSignIn.Grantable, (int)signIn.Lifetime.TotalMinutes);
        }).RequireHost(web);
        app.MapPost("/development/sign-in", (SignInRequest request) =>
        {
            var subject = string.IsNullOrWhiteSpace(request.Name) ? "dashboard-developer" : request.Name.Trim();
            var result = signIn.Mint(subject, request.Regions ?? [], request.Scopes ?? []);
            return result.Token is { } token
                ? Results.Ok(new SignedInToken(token, result.ExpiresAt!.Value))
                : Results.Problem(result.Refusal, statusCode: StatusCodes.Status400BadRequest, title: "The sign-in was refused");
        }).RequireHost(web);
    }
}
