using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.Hosting;
using RatingGrid.Grains.State;
using RatingGrid.Testing;

namespace RatingGrid.Grains.Tests;

/// <summary>
/// The Memory provider behaves as a store, not as a shared object: readers get copies, and a write
/// based on an old read is refused as a real store refuses it.
/// </summary>
public sealed class MemoryStorageTests(Azurite azurite)
{
    private static readonly GrainId Grain = GrainId.Create("inspection", "memory-1");

    private static SiloMemoryGrainStorage NewStorage() =>
        new(ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(new ServiceCollection().AddSerializer().BuildServiceProvider()));

    [Fact]
    public async Task A_read_returns_a_copy_of_what_was_written_with_its_etag()
    {
        var storage = NewStorage();
        var written = new GrainState<InspectionState> { State = new InspectionState { Version = 3, Journal = [[1, 2, 3]] } };
        await storage.WriteStateAsync("inspection", Grain, written);

        var read = new GrainState<InspectionState>();
        await storage.ReadStateAsync("inspection", Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.NotNull(read.ETag);
        Assert.Equal(3, read.State!.Version);
        Assert.Equal([1, 2, 3], read.State!.Journal.Single());
        Assert.NotSame(written.State, read.State);

        written.State.Version = 4; // a change not written is not stored
        await storage.ReadStateAsync("inspection", Grain, read);
        Assert.Equal(3, read.State!.Version);
    }

    [Fact]
    public async Task A_write_based_on_an_old_read_is_refused_and_changes_nothing()
    {
        var storage = NewStorage();
        var first = new GrainState<InspectionState> { State = new InspectionState { Version = 1 } };
        await storage.WriteStateAsync("inspection", Grain, first);
        var stale = new GrainState<InspectionState>();
        await storage.ReadStateAsync("inspection", Grain, stale);
        first.State.Version = 2;
        await storage.WriteStateAsync("inspection", Grain, first);

        stale.State!.Version = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("inspection", Grain, stale));

        var read = new GrainState<InspectionState>();
        await storage.ReadStateAsync("inspection", Grain, read);
        Assert.Equal(2, read.State!.Version);
    }

    [Fact]
    public async Task Nothing_stored_reads_as_a_new_state_without_an_etag()
    {
        var read = new GrainState<InspectionState>();
        await NewStorage().ReadStateAsync("inspection", Grain, read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal(0, read.State!.Version);
    }

    [Fact]
    public async Task An_inspection_on_memory_storage_comes_back_whole_after_deactivation()
    {
        await using var cluster = await TestClusters.StartAsync(azurite, Scenarios.NewId("memory"), inMemory: true);
        var grain = cluster.Client.GetGrain<IInspectionGrain>(Scenarios.NewId("inspection"));
        await grain.OpenAsync(Scenarios.Details(), "lead-inspector");
        await grain.RecordJudgementsAsync(Scenarios.Batch([.. Enumerable.Range(0, 10).Select(i => Scenarios.Judgement($"case-{i}", 1))]));
        await grain.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("case-3", 2, seed: 4)));
        var before = await grain.GetAsync();

        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(await management.GetDetailedGrainStatistics(null, null, TestContext.Current.CancellationToken), s => s.GrainId == grain.GetGrainId()); // so the next call reads storage
        var after = await grain.GetAsync();

        Assert.Equal(before.Version, after.Version);
        Assert.True(Scenarios.Same(before.Results, after.Results));
        Assert.Equal([1L, 2L], (await grain.GetCaseHistoryAsync("case-3")).Select(h => h.Revision));
    }
}
