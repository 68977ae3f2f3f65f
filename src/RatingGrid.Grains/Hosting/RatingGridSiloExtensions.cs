using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Aggregates;
using RatingGrid.Grains.Inspections;
using RatingGrid.Grains.Storage;
using RatingGrid.Grains.Publication;

namespace RatingGrid.Grains.Hosting;

/// <summary>How a silo takes RatingGrid's grains, and where they store their state.</summary>
public static class RatingGridSiloExtensions
{
    /// <summary>Adds the grains, their options, rulebooks, storage health and the aggregates' directory; storage is added apart (below).</summary>
    public static ISiloBuilder AddRatingGridGrains(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<GrainLimits>();
        silo.Services.AddOptions<StorageOptions>();
        silo.Services.AddOptions<PublicationOptions>();
        silo.Services.TryAddSingleton(RulebookCatalog.BuiltIn);
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<StorageHealth>();
        silo.Services.TryAddSingleton<StorageCalls>();
        silo.Services.TryAddSingleton<LocalInspectionViews>();
        silo.Services.TryAddSingleton<AggregateCopy>();
        silo.Services.AddSingleton<AggregateCopyFollower>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<AggregateCopyFollower>());
        silo.Services.AddHostedService<StorageProbe>();
        // Publication reminders tick every PublicationOptions.PendingCheckPeriod (10 s), below
        // Orleans' default minimum of a minute: after a lost host that period is how long the nation
        // may stay behind.
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        // ...which Orleans' validator warns about on every start, as if it were a mistake: it is a choice.
        silo.Services.AddLogging(logging => logging.AddFilter("Orleans.Hosting.ReminderOptionsValidator", LogLevel.Error));
        silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Membership, new StartRelativeTimeProvider());
#pragma warning disable ORLEANSEXP003 // the strongly consistent directory is marked experimental; see StorageNames.AggregateDirectory
        silo.AddDistributedGrainDirectory(StorageNames.AggregateDirectory);
#pragma warning restore ORLEANSEXP003
        return silo;
    }

    /// <summary>
    /// Durable state in one storage account: each inspection's journal in blobs of <paramref name="container"/>,
    /// the standings aggregates are rebuilt from in a table named after it, reminders in Orleans' reminder table.
    /// </summary>
    public static ISiloBuilder AddRatingGridAzureStorage(this ISiloBuilder silo, string connectionString, string container)
    {
        var blobs = new BlobServiceClient(connectionString).GetBlobContainerClient(container);
        var tables = new TableServiceClient(connectionString);
        silo.Services.AddSingleton(sp => new AzureJournalStore(blobs, sp.GetRequiredService<StorageCalls>()));
        silo.Services.AddSingleton<IJournalStore>(sp => sp.GetRequiredService<AzureJournalStore>());
        silo.Services.AddHostedService<OldFormatCheck>();
        silo.Services.AddSingleton<IStandingStore>(sp => new AzureStandingStore(
            tables.GetTableClient(StorageNames.StandingsTable(container)), sp.GetRequiredService<Serializer<Standing>>(), sp.GetRequiredService<StorageCalls>()));
        silo.Services.AddSingleton<IStorageProbe>(new AzureStorageProbe(blobs));
        silo.UseAzureTableReminderService(o => o.TableServiceClient = tables);
        silo.AddAzureBlobGrainStorage(StorageNames.RegistryStorage, o =>
        {
            o.BlobServiceClient = new BlobServiceClient(connectionString);
            o.ContainerName = StorageNames.RegistryContainer(container);
        });
        return silo;
    }

    /// <summary>State held by this silo alone and lost when it stops: for benchmarks and experiments.</summary>
    public static ISiloBuilder AddRatingGridMemoryStorage(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IJournalStore, MemoryJournalStore>();
        silo.Services.AddSingleton<IStandingStore, MemoryStandingStore>();
        silo.Services.AddSingleton<IStorageProbe, MemoryStorageProbe>();
        silo.UseInMemoryReminderService();
        silo.AddMemoryGrainStorage(StorageNames.RegistryStorage);
        return silo;
    }
}
