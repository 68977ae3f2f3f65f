using System.Net.Http.Json;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using RatingGrid.Contracts.V1;
using RatingGrid.Dashboard;
using RatingGrid.Dashboard.Feeds;
using RatingGrid.Dashboard.SignIn;
using RatingGrid.Security.SignIn;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
var origin = new Uri(builder.HostEnvironment.BaseAddress);

// The host says how people sign in here: no sign-in (tests), its development sign-in, or an OpenID Connect authority.
using (var http = new HttpClient { BaseAddress = origin })
{
    var settings = await http.GetFromJsonAsync<SignInSettings>("dashboard-settings.json") ?? new SignInSettings("none", null, null, null);
    builder.Services.AddSingleton(settings);
    builder.Services.AddSingleton(TimeProvider.System);
    switch (settings.Mode)
    {
        case SignInMode.Development:
            builder.Services.AddSingleton<DevelopmentTokenSource>();
            builder.Services.AddSingleton<ITokenSource>(sp => sp.GetRequiredService<DevelopmentTokenSource>());
            builder.Services.AddSingleton<ITokenStore>(sp => sp.GetRequiredService<DevelopmentTokenSource>());
            builder.Services.AddSingleton<IDevelopmentSignIn>(_ => new HttpDevelopmentSignIn(new HttpClient { BaseAddress = origin }));
            break;
        case SignInMode.OpenIdConnect:
            builder.Services.AddOidcAuthentication(o =>
            {
                o.ProviderOptions.Authority = settings.Authority;
                o.ProviderOptions.ClientId = settings.ClientId;
                o.ProviderOptions.ResponseType = "code";
                o.ProviderOptions.DefaultScopes.Clear();
                foreach (var scope in settings.Scopes ?? [])
                {
                    o.ProviderOptions.DefaultScopes.Add(scope);
                }
            });
            builder.Services.AddScoped<ITokenSource, OidcTokenSource>();
            break;
        default:
            builder.Services.AddSingleton<ITokenSource, NoTokenSource>();
            break;
    }
}

// The page is served by the host's gRPC-Web port, so the service is its own origin.
builder.Services.AddScoped(sp => GrpcChannel.ForAddress(origin, new GrpcChannelOptions
{
    HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, new BearerTokenHandler(sp.GetRequiredService<ITokenSource>(), new HttpClientHandler())),
}));
builder.Services.AddScoped(sp => new InspectionService.InspectionServiceClient(sp.GetRequiredService<GrpcChannel>()));
builder.Services.AddScoped(sp => new AggregationService.AggregationServiceClient(sp.GetRequiredService<GrpcChannel>()));
builder.Services.AddScoped(sp => new RegistryService.RegistryServiceClient(sp.GetRequiredService<GrpcChannel>()));
builder.Services.AddScoped<IInspectionFeed, GrpcInspectionFeed>();
builder.Services.AddScoped<IFiguresFeed, GrpcFiguresFeed>();
await builder.Build().RunAsync();
