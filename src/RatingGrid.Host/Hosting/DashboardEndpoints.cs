using RatingGrid.Grains.Abstractions.Registry;
using RatingGrid.Host.Access;
using RatingGrid.Host.Configuration;
using RatingGrid.Security.SignIn;

namespace RatingGrid.Host.Hosting;

/// <summary>
/// What the dashboard asks its host besides gRPC: how people sign in here, and, on a host with a
/// development key, the development sign-in itself. Only on the gRPC-Web port.
/// </summary>
internal static class DashboardEndpoints
{
    public static void MapDashboardEndpoints(this WebApplication app, HostSettings settings)
    {
        var web = $"*:{settings.Service.WebPort}";
        var auth = settings.Auth;
        var signIn = app.Services.GetService<DevelopmentSignIn>();
        var client = new SignInSettings(
            auth.Mode == AuthSettings.None ? SignInSettings.None : signIn is null ? SignInSettings.OpenIdConnect : SignInSettings.Development,
            auth.Authority, auth.DashboardClientId, auth.DashboardScopes);
        app.MapGet("/dashboard-settings.json", () => client).RequireHost(web);
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
