using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using RatingGrid.Contracts.V1;
using RatingGrid.Host.Hosting;
using Xunit;

namespace RatingGrid.Testing;

/// <summary>
/// The real host (Kestrel on 127.0.0.1, the co-hosted silo) on its own free ports, storing in the
/// test assembly's in-memory Azurite (in a container of its own), for one test class. Tests use fresh inspection ids. <see cref="Channel"/> carries a
/// development token granting everything, everywhere, to subject "tester".
/// </summary>
public class HostFixture(Azurite azurite) : IAsyncLifetime
{
    private WebApplication? _app;

    public GrpcChannel Channel { get; private set; } = null!;

    public int GrpcPort { get; private set; }

    public string Address => $"http://127.0.0.1:{GrpcPort}";

    public int HealthPort { get; private set; }

    /// <summary>Where browsers call gRPC-Web.</summary>
    public string WebAddress { get; private set; } = "";

    public InspectionService.InspectionServiceClient Inspections => new(Channel);

    public RulebookService.RulebookServiceClient Rulebooks => new(Channel);

    public WebApplication App => _app!;

    /// <summary>Settings a derived fixture adds or overrides.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    /// <summary>What a derived fixture adds to the host beyond settings (a log sink, say).</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public virtual async ValueTask InitializeAsync()
    {
        var local = LocalHostSettings.Create(azurite);
        (GrpcPort, HealthPort) = (local.GrpcPort, local.HealthPort);
        WebAddress = $"http://127.0.0.1:{local.Values["Service:WebPort"]}";
        var settings = new Dictionary<string, string?>(local.Values)
        {
            ["Limits:MaxCasesPerInspection"] = "6000",
            // Published by scripts/test.sh before the tests run; absent, no dashboard is served.
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        _app = RatingGridApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            Configure(builder);
        });
        await _app.StartAsync();
        Channel = TestTokens.Channel(Address, TestTokens.Everything());
    }

    public virtual async ValueTask DisposeAsync()
    {
        Channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
