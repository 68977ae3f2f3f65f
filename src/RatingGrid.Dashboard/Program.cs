using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using RatingGrid.Contracts.V1;
using RatingGrid.Dashboard;
using RatingGrid.Dashboard.Feeds;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
// The page is served by the host's gRPC-Web port, so the service is its own origin.
builder.Services.AddSingleton(_ => GrpcChannel.ForAddress(builder.HostEnvironment.BaseAddress, new GrpcChannelOptions
{
    HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, new HttpClientHandler()),
}));
builder.Services.AddSingleton(sp => new InspectionService.InspectionServiceClient(sp.GetRequiredService<GrpcChannel>()));
builder.Services.AddSingleton<IInspectionFeed, GrpcInspectionFeed>();
await builder.Build().RunAsync();
