using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Testing;

namespace RatingGrid.Grains.Tests;

/// <summary>The Memory provider keeps journals as Azure storage does: an inspection comes back whole from it.</summary>
public sealed class MemoryStorageTests(Azurite azurite)
{
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
