using RatingGrid.Domain.Ledger;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Testing;

namespace RatingGrid.Grains.Tests;

public sealed class StorageFaultTests(Azurite azurite)
{
    [Fact]
    public async Task A_failed_write_is_not_acknowledged_and_leaves_memory_equal_to_storage()
    {
        var observer = new StorageObserver();
        var serviceId = Scenarios.NewId("faults");
        var inspectionId = Scenarios.NewId("inspection");
        var kept = Scenarios.Judgement("kept", 1);
        var lost = Scenarios.Batch(Scenarios.Judgement("lost-1", 1), Scenarios.Judgement("lost-2", 1));
        await using (var cluster = await TestClusters.StartAsync(azurite, serviceId, observer))
        {
            var grain = cluster.Client.GetGrain<IInspectionGrain>(inspectionId);
            await grain.OpenAsync(Scenarios.Details(), "lead");
            await grain.RecordJudgementsAsync(Scenarios.Batch(kept));
            var before = await grain.GetAsync();

            observer.FailWrites = true;
            await Assert.ThrowsAsync<StorageUnavailableException>(() => grain.RecordJudgementsAsync(lost));
            observer.FailWrites = false;

            // Nothing half-applied: what the grain reports is what storage holds.
            var after = await grain.GetAsync();
            Assert.Equal(before.Version, after.Version);
            Assert.True(Scenarios.Same(before.Results, after.Results));
            Assert.Empty(await grain.GetCaseHistoryAsync("lost-1"));

            // The error said a retry is safe: it is, and it counts once.
            var retried = await grain.RecordJudgementsAsync(lost);
            Assert.All(retried.Outcomes, o => Assert.Equal(ChangeOutcome.Applied, o));
            Assert.True(Scenarios.Same(Scenarios.FromScratch([kept, .. lost.Judgements]), retried.Results));
        }

        // And storage agrees with what was acknowledged.
        await using var restarted = await TestClusters.StartAsync(azurite, serviceId);
        var reloaded = await restarted.Client.GetGrain<IInspectionGrain>(inspectionId).GetAsync();
        Assert.True(Scenarios.Same(Scenarios.FromScratch([kept, .. lost.Judgements]), reloaded.Results));
    }

    [Fact]
    public async Task Batches_waiting_behind_a_failed_write_fail_with_it()
    {
        var observer = new StorageObserver();
        await using var cluster = await TestClusters.StartAsync(azurite, Scenarios.NewId("faults"), observer);
        var grain = cluster.Client.GetGrain<IInspectionGrain>(Scenarios.NewId("inspection"));
        await grain.OpenAsync(Scenarios.Details(), "lead");

        observer.HoldWrites();
        var first = grain.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("a", 1)));
        await observer.WriteWaiting;
        var queued = grain.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("b", 1)));
        var duplicateOfFirst = grain.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("a", 1)));
        observer.FailWrites = true;
        observer.Release();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => first);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => queued);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => duplicateOfFirst);
        observer.FailWrites = false;
        Assert.Equal(0, (await grain.GetAsync()).Results.Cases);
    }
}
