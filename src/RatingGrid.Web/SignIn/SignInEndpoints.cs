using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using RatingGrid.Security.SignIn;
using RatingGrid.Web.Hosting;

namespace RatingGrid.Web.SignIn;

/// <summary>
/// The forms' other ends: the development sign-in (POST /sign-in), the authority's (GET
/// /sign-in/authority), and sign-out (POST /sign-out), each with antiforgery, each a plain
/// form post that works without script.
/// </summary>
internal static class SignInEndpoints
{
    public const string RegionClaim = "ratinggrid.region";
    public const string ScopeClaim = "ratinggrid.scope";

    public static void MapRatingGridSignIn(this WebApplication app, WebSettings settings)
    {
        if (settings.SignIn == WebSettings.Development)
        {
            app.MapPost("/sign-in", SignInAsync);
        }

        if (settings.SignIn == WebSettings.OpenIdConnect)
        {
            app.MapGet("/sign-in/authority", (string? @return) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = Local(@return) }, [OpenIdConnectDefaults.AuthenticationScheme]));
        }

        app.MapPost("/sign-out", (IFormCollection form) => settings.SignIn == WebSettings.OpenIdConnect
            ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/signed-out" }, [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme])
            : Results.SignOut(new AuthenticationProperties { RedirectUri = "/sign-in" }, [CookieAuthenticationDefaults.AuthenticationScheme]));
    }

    /// <summary>Only an address on this site: anything else (another site, "//x", "/\x") goes to the start page.</summary>
    public static string Local(string? address) =>
        address is { Length: > 0 } && address[0] == '/' && (address.Length == 1 || address[1] is not ('/' or '\\')) ? address : "/";

    private static async Task<IResult> SignInAsync(HttpContext context, IFormCollection form, DevelopmentSignInClient signIn, CancellationToken cancellationToken)
    {
        var back = Local(form["return"]);
        var name = form["name"].ToString().Trim();
        var region = form["region"].ToString() is { Length: > 0 } chosen ? chosen : Security.TokenClaims.AllRegions;
        var scopes = form["scope"].Where(s => s is { Length: > 0 }).Select(s => s!).ToList();
        var (token, refusal) = await signIn.SignInAsync(new SignInRequest(name.Length == 0 ? null : name, [region], scopes), cancellationToken);
        if (token is null)
        {
            return Results.Redirect($"/sign-in?return={Uri.EscapeDataString(back)}&refused={Uri.EscapeDataString(refusal ?? "The sign-in was refused.")}");
        }

        var person = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name.Length == 0 ? "dashboard-developer" : name), new Claim(RegionClaim, region), .. scopes.Select(s => new Claim(ScopeClaim, s))],
            CookieAuthenticationDefaults.AuthenticationScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = token.ExpiresAt, IsPersistent = false };
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = SessionTokens.AccessToken, Value = token.Token },
            new AuthenticationToken { Name = SessionTokens.ExpiresAtName, Value = token.ExpiresAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture) },
        ]);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(person), properties);
        return Results.LocalRedirect(back);
    }
}
