using Azure.Data.Tables;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.Storage;
using RatingGrid.Testing;

namespace RatingGrid.Grains.Tests;

/// <summary>
/// The nation (and so every host's copy of the figures) shows a publication at once and stores
/// nothing of its own; it is rebuilt from the standings table, which an inspection keeps writing
/// until it holds its newest standing, so a publication is never lost with the nation.
/// </summary>
public sealed class PublicationDurabilityTests(Azurite azurite)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_region_shows_a_change_while_the_standings_table_refuses_it_and_a_new_cluster_rebuilds_it_once_stored()
    {
        var observer = new StorageObserver();
        var serviceId = Scenarios.NewId("publication");
        var id = Scenarios.NewId("inspection");
        var region = Scenarios.NewId("region");
        BatchReceipt receipt;
        await using (var cluster = await TestClusters.StartAsync(azurite, serviceId, observer))
        {
            var inspection = cluster.Client.GetGrain<IInspectionGrain>(id);
            await inspection.OpenAsync(Scenarios.Details() with { Region = region }, "lead");
            observer.FailStandingWrites = true;
            receipt = await inspection.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("c1", 1), Scenarios.Judgement("c2", 1)));

            var shown = await Eventually.Until(() => cluster.Client.GetNation().GetStandingAsync(id), s => s?.Version >= receipt.Version, Cancel);
            Assert.Equal(2, shown?.Cases);
            Assert.True((await StoredAsync(serviceId, region, id) ?? 0) < receipt.Version); // aggregates show what the table does not hold yet

            observer.FailStandingWrites = false;
            var stored = await Eventually.Until(() => StoredAsync(serviceId, region, id), version => version >= receipt.Version, Cancel);
            Assert.Equal(receipt.Version, stored);
        }

        await using var restarted = await TestClusters.StartAsync(azurite, serviceId);
        var rebuilt = await restarted.Client.GetNation().GetStandingAsync(id);
        Assert.Equal((receipt.Version, 2), (rebuilt?.Version, rebuilt?.Cases));
    }

    [Fact]
    public async Task The_published_figures_of_an_inspection_under_correction_survive_a_whole_cluster_restart()
    {
        var serviceId = Scenarios.NewId("published");
        var id = Scenarios.NewId("inspection");
        var region = AggregateKey.ForRegion(Scenarios.NewId("region"));
        await using (var cluster = await TestClusters.StartAsync(azurite, serviceId))
        {
            var inspection = cluster.Client.GetGrain<IInspectionGrain>(id);
            await inspection.OpenAsync(Scenarios.Details() with { Region = region.Region! }, "lead");
            await inspection.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("c1", 1), Scenarios.Judgement("c2", 1)));
            await inspection.CloseAsync("lead");
            await inspection.PublishAsync("lead");
            await inspection.CorrectAsync("A third case was left out.", "lead");
            var corrected = await inspection.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("c3", 1)));
            await Eventually.Until(() => StoredAsync(serviceId, region.Region!, id), version => version >= corrected.Version, Cancel);
        }

        await using var restarted = await TestClusters.StartAsync(azurite, serviceId);
        var copy = restarted.Copy();
        await copy.Loaded.WaitAsync(TimeSpan.FromSeconds(30), Cancel);

        Assert.Equal(2, copy.Figures(region, Visibility.Published).Rulebooks.Single().Pooled.Cases);
        Assert.Equal(3, copy.Figures(region, Visibility.Unpublished).Rulebooks.Single().Pooled.Cases);
        var listed = copy.List(region, Visibility.Published).Answer.Single();
        Assert.Equal((InspectionStatus.Published, 2), (listed.Status, listed.Cases));
    }

    [Fact]
    public async Task The_standings_table_never_takes_an_older_standing_over_a_newer_one()
    {
        await using var cluster = await TestClusters.StartAsync(azurite, Scenarios.NewId("standings"));
        var id = Scenarios.NewId("inspection");
        var inspection = cluster.Client.GetGrain<IInspectionGrain>(id);
        await inspection.OpenAsync(Scenarios.Details(), "lead");
        await inspection.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("c1", 1)));
        var region = AggregateKey.ForRegion(Scenarios.Details().Region);
        var newer = (await Eventually.Until(() => cluster.Client.GetNation().GetStandingAsync(id), s => s is { Cases: 1 }, Cancel))!;
        var store = (IStandingStore)cluster.GetSiloServiceProvider().GetService(typeof(IStandingStore))!;
        await Eventually.Until(async () => (await store.ReadAsync(region, Cancel)).Newest.FirstOrDefault(s => s.InspectionId == id)?.Version, v => v == newer.Version, Cancel);

        var kept = await store.WriteAsync(newer with { Version = newer.Version - 1, Score = newer.Score + 5 }, Cancel);

        Assert.Equal(newer.Version, kept);
        var stored = (await store.ReadAsync(region, Cancel)).Newest.Single(s => s.InspectionId == id);
        Assert.Equal((newer.Version, newer.Score), (stored.Version, stored.Score));
    }

    private async Task<long?> StoredAsync(string serviceId, string region, string inspectionId)
    {
        var table = new TableServiceClient(azurite.Process.ConnectionString).GetTableClient(StorageNames.StandingsTable(TestClusters.ContainerFor(serviceId)));
        try
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(StorageKeys.Encode(region), StorageKeys.Encode(inspectionId), ["Version"], Cancel);
            return row.HasValue ? row.Value!.GetInt64("Version") : null;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null; // no table yet: nothing stored
        }
    }
}
