using Microsoft.Extensions.DependencyInjection;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.Storage;
using RatingGrid.Testing;

namespace RatingGrid.Grains.Tests;

/// <summary>An inspection over its journal: crashes around a snapshot, resends of torn commits, and a second activation.</summary>
public sealed class JournalTests(Azurite azurite)
{
    // A snapshot (and a new segment) after every write, so that every write crosses a rollover.
    private static void SnapshotEveryWrite(ISiloBuilder silo) =>
        silo.Services.Configure<StorageOptions>(o => (o.MinimumTailBytes, o.SnapshotFactor) = (1, 0));

    [Fact]
    public async Task A_silo_killed_between_an_append_and_its_snapshot_loses_nothing_and_the_unacknowledged_batch_resent_counts_once()
    {
        var observer = new StorageObserver();
        var serviceId = Scenarios.NewId("torn");
        var id = Scenarios.NewId("inspection");
        var first = Scenarios.Batch([.. Enumerable.Range(0, 5).Select(i => Scenarios.Judgement($"c{i}", 1))]);
        var second = Scenarios.Batch(Scenarios.Judgement("c1", 2), Scenarios.Judgement("c9", 1));
        var cluster = await TestClusters.StartAsync(azurite, serviceId, observer, configure: SnapshotEveryWrite);
        try
        {
            var grain = cluster.Client.GetGrain<IInspectionGrain>(id);
            await grain.OpenAsync(Scenarios.Details(), "lead");
            await grain.RecordJudgementsAsync(first);

            observer.HoldSnapshots();
            var unacknowledged = grain.RecordJudgementsAsync(second);
            await observer.SnapshotWaiting; // its record has landed; its snapshot has not
            Assert.False(unacknowledged.IsCompleted);
            await cluster.KillSiloAsync(cluster.Silos[0], TestContext.Current.CancellationToken);
        }
        finally
        {
            observer.Release();
            await cluster.DisposeAsync();
        }

        await using var restarted = await TestClusters.StartAsync(azurite, serviceId, configure: SnapshotEveryWrite);
        var reloaded = restarted.Client.GetGrain<IInspectionGrain>(id);
        Assert.True(Scenarios.Same(Scenarios.FromScratch([.. first.Judgements, .. second.Judgements]), (await reloaded.GetAsync()).Results));

        var resent = await reloaded.RecordJudgementsAsync(second);
        Assert.All(resent.Outcomes, o => Assert.Equal(ChangeOutcome.Duplicate, o));
        Assert.Equal([1L, 2L], (await reloaded.GetCaseHistoryAsync("c1")).Select(h => h.Revision));
        Assert.Single(await reloaded.GetCaseHistoryAsync("c9"));
    }

    [Fact]
    public async Task Every_lifecycle_step_survives_snapshots_records_and_a_restart()
    {
        var serviceId = Scenarios.NewId("lifecycle");
        var id = Scenarios.NewId("inspection");
        var publishAt = new DateTimeOffset(2031, 3, 4, 9, 30, 0, TimeSpan.Zero);
        InspectionView before;
        // Snapshots after every write: the lifecycle must be in them, not only in the records.
        await using (var cluster = await TestClusters.StartAsync(azurite, serviceId, configure: SnapshotEveryWrite))
        {
            var grain = cluster.Client.GetGrain<IInspectionGrain>(id);
            await grain.OpenAsync(Scenarios.Details(), "lead");
            await grain.CloseAsync("lead");
            await grain.PublishAsync("panel");
        }

        // Then records only, after that snapshot: the lifecycle must come back from both.
        await using (var cluster = await TestClusters.StartAsync(azurite, serviceId))
        {
            var grain = cluster.Client.GetGrain<IInspectionGrain>(id);
            await grain.CorrectAsync("Case 7 was counted twice.", "panel");
            await grain.CloseAsync("lead");
            before = await grain.EmbargoAsync(publishAt, "panel");
        }

        await using var restarted = await TestClusters.StartAsync(azurite, serviceId);
        var reloaded = await restarted.Client.GetGrain<IInspectionGrain>(id).GetAsync();

        Assert.Equal(InspectionStatus.Embargoed, reloaded.Status);
        Assert.Equal(publishAt, reloaded.PublishAt);
        Assert.Equal(before.Lifecycle, reloaded.Lifecycle);
        Assert.Equal(
            [(InspectionStatus.Closed, null), (InspectionStatus.Published, null), (InspectionStatus.Open, "Case 7 was counted twice."), (InspectionStatus.Closed, null), (InspectionStatus.Embargoed, (string?)null)],
            reloaded.Lifecycle!.Select(s => (s.Status, s.Reason)));
        Assert.Equal(publishAt, reloaded.Lifecycle![^1].PublishAt);
    }

    [Fact]
    public async Task A_stale_activations_append_is_refused_and_it_reapplies_on_top_of_what_the_other_wrote()
    {
        var serviceId = Scenarios.NewId("two-writers");
        var id = Scenarios.NewId("inspection");
        await using var one = await TestClusters.StartAsync(azurite, serviceId);
        var first = one.Client.GetGrain<IInspectionGrain>(id);
        await first.OpenAsync(Scenarios.Details(), "lead");
        await first.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("a", 1)));

        // A second cluster on the same storage stands in for the moments after a lost silo when an
        // inspection runs twice: each activation appends where it last saw the journal end.
        await using (var other = await TestClusters.StartAsync(azurite, serviceId))
        {
            await other.Client.GetGrain<IInspectionGrain>(id).RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("b", 1)));
        }

        var receipt = await first.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("c", 1)));

        Assert.Equal(ChangeOutcome.Applied, Assert.Single(receipt.Outcomes));
        Assert.Equal(3, receipt.Results.Cases); // "b", written by the other activation, was re-read, not overwritten
        await using var fresh = await TestClusters.StartAsync(azurite, serviceId);
        var reread = fresh.Client.GetGrain<IInspectionGrain>(id);
        Assert.True(Scenarios.Same(Scenarios.FromScratch([Scenarios.Judgement("a", 1), Scenarios.Judgement("b", 1), Scenarios.Judgement("c", 1)]), (await reread.GetAsync()).Results));
        foreach (var caseId in new[] { "a", "b", "c" })
        {
            Assert.Single(await reread.GetCaseHistoryAsync(caseId));
        }
    }

    [Fact]
    public async Task An_inspection_stored_before_journals_is_refused_with_a_reason_not_read_as_empty()
    {
        var serviceId = Scenarios.NewId("old-format");
        var id = Scenarios.NewId("inspection");
        var container = new Azure.Storage.Blobs.BlobServiceClient(azurite.Process.ConnectionString).GetBlobContainerClient(TestClusters.ContainerFor(serviceId));
        await container.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await container.UploadBlobAsync($"{AzureJournalStore.OldFormatPrefix}{id}.json", BinaryData.FromString("{}"), TestContext.Current.CancellationToken);
        await using var cluster = await TestClusters.StartAsync(azurite, serviceId);

        var refused = await Assert.ThrowsAsync<Abstractions.Errors.InspectionStateException>(() => cluster.Client.GetGrain<IInspectionGrain>(id).GetAsync());
        Assert.Contains("before journals", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<Abstractions.Errors.InspectionStateException>(() => cluster.Client.GetGrain<IInspectionGrain>(id).OpenAsync(Scenarios.Details(), "lead"));
    }
}
