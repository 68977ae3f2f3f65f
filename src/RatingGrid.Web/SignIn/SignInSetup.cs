using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using RatingGrid.Web.Hosting;

namespace RatingGrid.Web.SignIn;

/// <summary>
/// Sign-in on the server (the backend-for-frontend pattern): a cookie session whose tickets stay
/// here, started by the development sign-in or by OpenID Connect's code flow with PKCE as a
/// confidential client. Without sign-in (a service without authentication) every page is open.
/// </summary>
internal static class SignInSetup
{
    public const string SessionCookie = "ratinggrid.session";

    public static void AddRatingGridSignIn(this WebApplicationBuilder builder, WebSettings settings)
    {
        var services = builder.Services;
        services.AddDistributedMemoryCache();
        services.AddSingleton<DistributedTicketStore>();
        services.AddSingleton<SessionTokens>();
        services.AddSingleton<TokenRefresher>();
        services.AddHttpClient(nameof(TokenRefresher));
        services.AddHttpClient<DevelopmentSignInClient>(http => http.BaseAddress = new Uri(settings.DevelopmentSignIn));
        services.AddAuthorization(o => o.DefaultPolicy = settings.SignIn == WebSettings.None
            ? new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build()
            : new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();

        var authentication = services.AddAuthentication(o =>
        {
            o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.DefaultChallengeScheme = settings.SignIn == WebSettings.OpenIdConnect ? OpenIdConnectDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme;
        });
        authentication.AddCookie(o =>
        {
            o.Cookie.Name = SessionCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/sign-in";
            o.ReturnUrlParameter = "return";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<DistributedTicketStore>((o, store) => o.SessionStore = store);

        if (settings.SignIn == WebSettings.OpenIdConnect)
        {
            authentication.AddOpenIdConnect(o =>
            {
                o.Authority = settings.Authority;
                o.ClientId = settings.ClientId;
                o.ClientSecret = settings.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                o.TokenValidationParameters.NameClaimType = "name";
                o.Scope.Clear();
                foreach (var scope in settings.ScopesAsked)
                {
                    o.Scope.Add(scope);
                }

                o.SignedOutRedirectUri = "/signed-out";
            });
        }
    }
}
