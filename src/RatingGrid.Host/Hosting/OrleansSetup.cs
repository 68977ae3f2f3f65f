using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using RatingGrid.Grains.Hosting;
using RatingGrid.Grains.Storage;
using RatingGrid.Host.Configuration;
using RatingGrid.Grains.Inspections;
using RatingGrid.Grains.Publication;

namespace RatingGrid.Host.Hosting;

/// <summary>The co-hosted Orleans silo: clustering, storage and the grains.</summary>
internal static class OrleansSetup
{
    public static void AddRatingGridOrleans(this WebApplicationBuilder builder, HostSettings settings, bool tracing)
    {
        var (silo, storage) = (settings.Silo, settings.Storage);
        if (silo.Clustering is not (SiloSettings.Localhost or SiloSettings.AzureTable))
        {
            throw Invalid(SiloSettings.Section, typeof(SiloSettings),
                $"Silo:Clustering '{silo.Clustering}' is not known; use {SiloSettings.Localhost} or {SiloSettings.AzureTable}.");
        }

        if (storage.Provider == StorageSettings.Memory && silo.Clustering != SiloSettings.Localhost)
        {
            throw Invalid(SiloSettings.Section, typeof(SiloSettings),
                $"Storage:Provider {StorageSettings.Memory} keeps state inside one host, so it cannot serve a cluster; use Silo:Clustering {SiloSettings.Localhost}, or {StorageSettings.AzureBlob} storage.");
        }

        var advertised = AdvertisedAddress(silo.AdvertisedAddress);
        builder.Services.AddOptions<GrainLimits>()
            .Configure<IOptions<LimitSettings>>((grains, limits) => grains.MaxCasesPerInspection = limits.Value.MaxCasesPerInspection);
        builder.Services.AddOptions<PublicationOptions>()
            .Configure<IOptions<PublicationSettings>>((grains, settings) =>
                (grains.PendingCheckPeriod, grains.CallTimeout) = (TimeSpan.FromSeconds(settings.Value.PendingCheckSeconds), TimeSpan.FromSeconds(settings.Value.CallTimeoutSeconds)));
        builder.Services.AddOptions<StorageOptions>()
            .Configure<IOptions<StorageSettings>>((grains, settings) => grains.OperationTimeout = TimeSpan.FromSeconds(settings.Value.OperationTimeoutSeconds));

        // Azure SDK activities are opt-in; they carry the storage leg of each trace.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", tracing);
        builder.UseOrleans(orleans =>
        {
            if (tracing)
            {
                orleans.AddActivityPropagation();
            }

            if (silo.Clustering == SiloSettings.Localhost)
            {
                orleans.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, serviceId: silo.ServiceId, clusterId: silo.ClusterId);
            }
            else
            {
                orleans.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(
                    storage.ConnectionString ?? throw Invalid(StorageSettings.Section, typeof(StorageSettings),
                        "Storage:ConnectionString is required for AzureTable clustering.")));
                orleans.ConfigureEndpoints(advertised, silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: true);
            }

            orleans.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (silo.ServiceId, silo.ClusterId));
            // Orleans binds its providers from the "Orleans" section but not how fast a lost silo is
            // declared dead, nor how long the aggregates' directory then waits before the nation may
            // activate elsewhere; together they bound how soon the nation is current again after a host
            // is lost. The defaults are in appsettings.json; docs/operations.md says what they trade.
            orleans.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Orleans:Membership"));
            orleans.Services.Configure<GrainDirectoryOptions>(builder.Configuration.GetSection("Orleans:Directory"));
            orleans.AddRatingGridGrains();
            AddStorage(orleans, storage);
        });
    }

    // An unknown provider, or Azure storage without a connection string, is an error here rather than a silent fallback.
    private static void AddStorage(ISiloBuilder orleans, StorageSettings storage)
    {
        switch (storage.Provider)
        {
            case StorageSettings.AzureBlob when string.IsNullOrWhiteSpace(storage.ConnectionString):
                throw Invalid(StorageSettings.Section, typeof(StorageSettings),
                    "Storage:ConnectionString is required for the AzureBlob provider (Azurite's on a developer machine).");
            case StorageSettings.AzureBlob:
                orleans.AddRatingGridAzureStorage(storage.ConnectionString, storage.Container);
                break;
            case StorageSettings.Memory:
                orleans.AddRatingGridMemoryStorage();
                break;
            default:
                throw Invalid(StorageSettings.Section, typeof(StorageSettings),
                    $"Storage:Provider '{storage.Provider}' is not known; use {StorageSettings.AzureBlob} or {StorageSettings.Memory}.");
        }
    }

    // An IP address, or a host name (a container's) resolved once at start-up.
    private static IPAddress AdvertisedAddress(string address)
    {
        if (IPAddress.TryParse(address, out var ip))
        {
            return ip;
        }

        try
        {
            return Dns.GetHostAddresses(address).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                ?? throw Invalid(SiloSettings.Section, typeof(SiloSettings), $"Silo:AdvertisedAddress '{address}' has no IPv4 address.");
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            throw Invalid(SiloSettings.Section, typeof(SiloSettings), $"Silo:AdvertisedAddress '{address}' does not resolve: {ex.Message}");
        }
    }

    private static OptionsValidationException Invalid(string section, Type settings, string message) => new(section, settings, [message]);
}
