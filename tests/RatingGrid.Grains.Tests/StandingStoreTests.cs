using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Grains.Storage;
using RatingGrid.Testing;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains.Tests;

/// <summary>The standings table on a real Azurite: rows of one region written together share transactions, and none is lost or set back.</summary>
public sealed class StandingStoreTests(Azurite azurite)
{
    private static readonly Serializer<Standing> Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer<Standing>>();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private (AzureStandingStore Store, TableClient Table) NewStore(string? name = null)
    {
        var table = new TableServiceClient(azurite.Process.ConnectionString).GetTableClient(name ?? $"standings{Guid.NewGuid():N}");
        var calls = new StorageCalls(Options.Create(new StorageOptions()), new StorageHealth(TimeProvider.System), TimeProvider.System);
        return (new AzureStandingStore(table, Serializer, calls), table);
    }

    private static Standing Standing(string id, string region, long version, InspectionStatus status = InspectionStatus.Open) => new(
        id, $"PDU {id}", region, RulebookCatalog.DefaultKey, version, new Dictionary<string, Rating?>(), null, (int)version,
        new TallySnapshot(RulebookCatalog.DefaultKey, 0, [], new Dictionary<BreakdownKey, BreakdownTally>()), Status: status);

    [Fact]
    public async Task Rows_of_one_region_written_at_once_share_a_few_requests_and_every_one_lands()
    {
        var (store, _) = NewStore();
        var ids = Enumerable.Range(0, 150).Select(i => $"inspection-{i}").ToList();

        // Every inspection of the region publishes at once, some of them published (a second row each).
        await Task.WhenAll(ids.Select((id, i) => store.WriteAsync(Standing(id, "North East", 1, i % 3 == 0 ? InspectionStatus.Published : InspectionStatus.Open), Cancel)));
        var first = store.Requests;
        await Task.WhenAll(ids.Select(id => store.WriteAsync(Standing(id, "North East", 2), Cancel)));

        var stored = await NewStore(store.TableName).Store.ReadAsync(AggregateKey.ForRegion("North East"), Cancel);
        Assert.Equal(ids.Order(StringComparer.Ordinal), stored.Newest.Select(s => s.InspectionId).Order(StringComparer.Ordinal));
        Assert.All(stored.Newest, s => Assert.Equal(2, s.Version));
        Assert.Equal(50, stored.Published.Count);
        Assert.All(stored.Published, s => Assert.Equal(1, s.Version));
        // 200 rows, then 150 replaced: transactions of up to 100 rows, not a request per row.
        Assert.True(first <= 10, $"{first} requests for 200 new rows");
        Assert.True(store.Requests - first <= 10, $"{store.Requests - first} requests for 150 replaced rows");
    }

    [Fact]
    public async Task A_row_another_writer_moved_on_does_not_stop_the_rest_of_its_transaction_nor_go_back()
    {
        var (mine, table) = NewStore();
        var ids = Enumerable.Range(0, 20).Select(i => $"inspection-{i}").ToList();
        await Task.WhenAll(ids.Select(id => mine.WriteAsync(Standing(id, "London", 1), Cancel)));

        // Another host stores a newer standing of one of them; this one's ETag for that row is now stale.
        var (theirs, _) = NewStore(table.Name);
        await theirs.ReadAsync(AggregateKey.ForRegion("London"), Cancel);
        await theirs.WriteAsync(Standing("inspection-7", "London", 9), Cancel);

        await Task.WhenAll(ids.Select(id => mine.WriteAsync(Standing(id, "London", 2), Cancel)));

        var stored = (await NewStore(table.Name).Store.ReadAsync(AggregateKey.ForRegion("London"), Cancel)).Newest.ToDictionary(s => s.InspectionId, s => s.Version);
        Assert.Equal(9, stored["inspection-7"]); // never set back by the stale writer
        Assert.All(ids.Where(id => id != "inspection-7"), id => Assert.Equal(2, stored[id]));
    }

    [Fact]
    public async Task Regions_are_written_apart_and_an_older_version_queued_after_a_newer_one_changes_nothing()
    {
        var (store, table) = NewStore();
        await Task.WhenAll(
            store.WriteAsync(Standing("a", "Wales", 3), Cancel),
            store.WriteAsync(Standing("a", "Wales", 2), Cancel),
            store.WriteAsync(Standing("b", "London", 1), Cancel));
        await store.WriteAsync(Standing("a", "Wales", 1), Cancel);

        var reader = NewStore(table.Name).Store;
        Assert.Equal(3, Assert.Single((await reader.ReadAsync(AggregateKey.ForRegion("Wales"), Cancel)).Newest).Version);
        Assert.Equal("b", Assert.Single((await reader.ReadAsync(AggregateKey.ForRegion("London"), Cancel)).Newest).InspectionId);
    }
}
