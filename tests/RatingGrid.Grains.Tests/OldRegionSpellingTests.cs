using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Registry;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.Abstractions.Registry;
using RatingGrid.Grains.Registry;
using RatingGrid.Grains.State;
using RatingGrid.Grains.Storage;
using RatingGrid.Testing;

namespace RatingGrid.Grains.Tests;

/// <summary>
/// Data an earlier version stored under a region's old spelling ("Kent Surrey and Sussex", before the
/// registry used the official "Kent, Surrey and Sussex"): written as that version wrote it (an
/// inspection's journal, its standings row in the old partition, a registry change), then read by a
/// cluster of this version, which counts it all under the official name without any re-import.
/// </summary>
public sealed class OldRegionSpellingTests(Azurite azurite)
{
    private const string Old = "Kent Surrey and Sussex";
    private const string Official = "Kent, Surrey and Sussex";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Inspections_standings_and_registry_changes_stored_under_the_old_spelling_count_under_the_official_one()
    {
        var serviceId = Scenarios.NewId("old-spelling");
        var id = Scenarios.NewId("kss");
        var judgements = Enumerable.Range(0, 5).Select(c => Scenarios.Judgement($"c{c}", 1, seed: 7)).ToArray();
        await using (var before = await TestClusters.StartAsync(azurite, serviceId))
        {
            var services = ((Orleans.TestingHost.InProcessSiloHandle)before.Silos[0]).ServiceProvider;
            // The journal as an earlier version appended it: opened in the old spelling, then five cases.
            var details = Scenarios.Details("surrey") with { PduName = "Surrey", Region = Old };
            var at = DateTimeOffset.UtcNow;
            var record = new JournalCodec(RulebookCatalog.BuiltIn, new StringTable()).Encode(new JournalRecord(2, at,
                [new InspectionOpened(details, "lead", at), .. judgements.Select(j => (JournalEvent)new CaseJudged(j, "inspector", at))]));
            await services.GetRequiredService<IJournalStore>().AppendAsync(id, JournalPosition.Start, record, Cancel);
            // Its standing, in the table's partition of the old spelling.
            var ledger = new InspectionLedger(Scenarios.Rulebook);
            ledger.ApplyBatch(judgements);
            await services.GetRequiredService<IStandingStore>().WriteAsync(ledger.Standing(id, "Surrey", Old, 2, at, "surrey", new Fieldwork(details.FieldworkStart, details.FieldworkEnd)), Cancel);
            // A PDU an administrator added to the region by its old spelling.
            var registry = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.RegistryStorage);
            var state = new GrainState<RegistryState>(new RegistryState { Changes = { StoredRegistryChange.From(new RegistryChange(RegistryChangeKind.PduAdded, "old-kss-pdu", "An old KSS PDU", Old, "admin", at)) } });
            await registry.WriteStateAsync("registry", before.Client.GetRegistry().GetGrainId(), state);
        }

        await using var after = await TestClusters.StartAsync(azurite, serviceId);
        var copy = after.Copy();
        await copy.Loaded.WaitAsync(TimeSpan.FromSeconds(30), Cancel);

        // Regions and the nation count the inspection under the official name, from the old row.
        var region = copy.Figures(AggregateKey.ForRegion(Official), Visibility.Unpublished).Rulebooks.Single();
        Assert.Equal((1, 5), (region.Pooled.Inspections, region.Pooled.Cases));
        Assert.Equal(Official, copy.List(AggregateKey.Nation, Visibility.Unpublished).Answer.Single(s => s.InspectionId == id).Region);
        Assert.Empty(copy.Figures(AggregateKey.ForRegion(Old), Visibility.Unpublished).Rulebooks);

        // The inspection itself reads its region officially, and so publishes it.
        var view = await after.Client.GetGrain<IInspectionGrain>(id).GetAsync();
        Assert.Equal((Official, 5), (view.Details.Region, view.Results.Cases));
        Assert.Equal(Official, await after.Client.GetGrain<IInspectionGrain>(id).GetRegionAsync());

        // The registry replays the old change under the official name, beside the data file's PDUs.
        var registered = await after.Client.GetRegistry().GetAsync();
        Assert.Equal(Official, registered.Find("old-kss-pdu")!.Region);
        Assert.DoesNotContain(Old, registered.Regions);
        Assert.Equal(7, registered.Pdus.Count(p => p.Region == Official));
    }
}
