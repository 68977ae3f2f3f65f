using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using RatingGrid.Grains.Aggregates;
using RatingGrid.Grains.Hosting;
using RatingGrid.Grains.Storage;

namespace RatingGrid.Testing;

/// <summary>Starts in-process Orleans clusters whose grains store their state in a real Azurite.</summary>
public static class TestClusters
{
    /// <summary>Starts a cluster; the same <paramref name="serviceId"/> again finds the same stored state.</summary>
    public static async Task<InProcessTestCluster> StartAsync(
        AzuriteProcess azurite,
        string serviceId,
        StorageObserver? observer = null,
        short silos = 1,
        bool inMemory = false,
        Action<ISiloBuilder>? configure = null)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddRatingGridGrains();
            if (inMemory)
            {
                silo.AddRatingGridMemoryStorage();
            }
            else
            {
                silo.AddRatingGridAzureStorage(azurite.ConnectionString, ContainerFor(serviceId));
            }

            silo.Configure<ClusterMembershipOptions>(o =>
            {
                // Declare a killed silo dead quickly, so that its grains move on within the test.
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            configure?.Invoke(silo);
            if (observer is not null)
            {
                Decorate(silo.Services, observer);
            }
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10)));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>A silo's copy of the regional and national figures (the first silo's by default), where every read of them is answered.</summary>
    public static AggregateCopy Copy(this InProcessTestCluster cluster, int silo = 0) =>
        ((InProcessSiloHandle)cluster.Silos[silo]).ServiceProvider.GetRequiredService<AggregateCopy>();

    /// <summary>Each service id gets its own blob container, so that tests never see each other's state.</summary>
    public static string ContainerFor(string serviceId)
    {
        var name = new string([.. serviceId.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return ("t-" + name)[..Math.Min(63, 2 + name.Length)].TrimEnd('-');
    }

    private static void Decorate(IServiceCollection services, StorageObserver observer)
    {
        var journals = services.Last(d => d.ServiceType == typeof(IJournalStore));
        var standings = services.Last(d => d.ServiceType == typeof(IStandingStore));
        services.Remove(journals);
        services.Remove(standings);
        services.AddSingleton<IJournalStore>(sp => new ObservedJournalStore((IJournalStore)Resolve(journals, sp), observer));
        services.AddSingleton<IStandingStore>(sp => new ObservedStandingStore((IStandingStore)Resolve(standings, sp), observer));
    }

    private static object Resolve(ServiceDescriptor descriptor, IServiceProvider services) =>
        descriptor.ImplementationFactory?.Invoke(services)
        ?? descriptor.ImplementationInstance
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
