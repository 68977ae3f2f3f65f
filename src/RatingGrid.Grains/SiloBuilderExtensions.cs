using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Grains;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Adds RatingGrid's grains, their rulebooks and their storage. An unknown provider, or Azure
    /// storage without a connection string, is an error here rather than a silent fallback.
    /// </summary>
    public static ISiloBuilder AddRatingGridGrains(this ISiloBuilder silo, StorageSettings storage, GrainLimits? limits = null)
    {
        silo.Services.TryAddSingleton(limits ?? new GrainLimits());
        silo.Services.TryAddSingleton(RulebookCatalog.BuiltIn);
        silo.Services.TryAddSingleton(TimeProvider.System);
#pragma warning disable ORLEANSEXP003 // the strongly consistent directory is marked experimental; see StorageNames.AggregateDirectory
        silo.AddDistributedGrainDirectory(StorageNames.AggregateDirectory);
#pragma warning restore ORLEANSEXP003
        switch (storage.Provider)
        {
            case StorageSettings.AzureBlob:
                if (string.IsNullOrWhiteSpace(storage.ConnectionString))
                {
                    throw new OptionsValidationException(nameof(StorageSettings), typeof(StorageSettings),
                        ["Storage:ConnectionString is required for the AzureBlob provider (Azurite's on a developer machine)."]);
                }

                silo.AddAzureBlobGrainStorage(StorageNames.Inspections, (OptionsBuilder<AzureBlobStorageOptions> options) =>
                    options.Configure<IServiceProvider>((o, services) =>
                    {
                        o.BlobServiceClient = new BlobServiceClient(storage.ConnectionString);
                        o.ContainerName = storage.Container;
                        // Binary, not the default JSON: an inspection's audit trail is most of its state,
                        // and it is written whole on every commit.
                        o.GrainStorageSerializer = ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(services);
                    }));
                break;
            case StorageSettings.Memory:
                silo.Services.AddGrainStorage(StorageNames.Inspections, (services, _) =>
                    new SiloMemoryGrainStorage(ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(services)));
                break;
            default:
                throw new OptionsValidationException(nameof(StorageSettings), typeof(StorageSettings),
                    [$"Storage:Provider '{storage.Provider}' is not known; use {StorageSettings.AzureBlob} or {StorageSettings.Memory}."]);
        }

        return silo;
    }
}
