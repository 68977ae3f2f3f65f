using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Grains.Hosting;

/// <summary>How a silo takes RatingGrid's grains, and where they store their state.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Adds the grains, their rulebooks and the aggregates' directory; storage is added apart (below).</summary>
    public static ISiloBuilder AddRatingGridGrains(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<GrainLimits>();
        silo.Services.TryAddSingleton(RulebookCatalog.BuiltIn);
        silo.Services.TryAddSingleton(TimeProvider.System);
#pragma warning disable ORLEANSEXP003 // the strongly consistent directory is marked experimental; see StorageNames.AggregateDirectory
        silo.AddDistributedGrainDirectory(StorageNames.AggregateDirectory);
#pragma warning restore ORLEANSEXP003
        return silo;
    }

    /// <summary>Durable state: one blob per inspection and per aggregate in <paramref name="container"/>.</summary>
    public static ISiloBuilder AddRatingGridAzureBlobStorage(this ISiloBuilder silo, string connectionString, string container)
    {
        foreach (var name in new[] { StorageNames.Inspections, StorageNames.Aggregates })
        {
            silo.AddAzureBlobGrainStorage(name, (OptionsBuilder<AzureBlobStorageOptions> options) =>
                options.Configure<IServiceProvider>((o, services) =>
                {
                    o.BlobServiceClient = new BlobServiceClient(connectionString);
                    o.ContainerName = container;
                    // Binary, not the default JSON: an inspection's audit trail is most of its state,
                    // and it is written whole on every commit.
                    o.GrainStorageSerializer = ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(services);
                }));
        }

        return silo;
    }

    /// <summary>State held by this silo alone and lost when it stops: for benchmarks and experiments.</summary>
    public static ISiloBuilder AddRatingGridMemoryStorage(this ISiloBuilder silo)
    {
        foreach (var name in new[] { StorageNames.Inspections, StorageNames.Aggregates })
        {
            silo.Services.AddGrainStorage(name, (services, _) =>
                new SiloMemoryGrainStorage(ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(services)));
        }

        return silo;
    }
}
