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
            app.MapPost("/sign-in", (HttpContext context, DevelopmentSignInClient signIn) =>
                WithAcceptedFormAsync(context, form => SignInAsync(context, form, signIn, context.RequestAborted))).AsCheckedForm();
        }

        if (settings.SignIn == WebSettings.OpenIdConnect)
        {
            app.MapGet("/sign-in/authority", (string? @return) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = Local(@return) }, [OpenIdConnectDefaults.AuthenticationScheme]));
        }

        app.MapPost("/sign-out", (HttpContext context, WebSettings web) => WithAcceptedFormAsync(context, _ => Task.FromResult(web.SignIn == WebSettings.OpenIdConnect
            ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/signed-out" }, [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme])
            : Results.SignOut(new AuthenticationProperties { RedirectUri = "/sign-in" }, [CookieAuthenticationDefaults.AuthenticationScheme])))).AsCheckedForm();
    }

    // The form is read by the handler, not bound as a parameter, so the antiforgery check is asked
    // for here (a bound form asks for it itself, but reading a refused one fails with a 500). Saying
    // what it consumes also sets the post apart from the sign-in page's own endpoint at its address.
    private static RouteHandlerBuilder AsCheckedForm(this RouteHandlerBuilder endpoint) => endpoint
        .WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute())
        .Accepts<IFormCollection>("application/x-www-form-urlencoded", "multipart/form-data");

    /// <summary>
    /// The form, if its antiforgery token holds. One that does not (a page left open across a
    /// restart of the web app or the end of its session, or a post from another site) changes
    /// nothing: the person is sent to the sign-in page, with a fresh form and the reason.
    /// (The form's fields cannot be read once its token failed, so it cannot go back to them.)
    /// </summary>
    private static async Task<IResult> WithAcceptedFormAsync(HttpContext context, Func<IFormCollection, Task<IResult>> handle)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            return Results.Redirect($"/sign-in?form={FormNotAcceptedMark}");
        }

        return await handle(await context.Request.ReadFormAsync(context.RequestAborted));
    }

    public const string FormNotAcceptedMark = "not-accepted";

    public const string FormNotAccepted = "It had expired (the page was open a long time, or the service restarted) or did not come from this site, so it changed nothing. Sign in here if you need to, then try again.";

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
