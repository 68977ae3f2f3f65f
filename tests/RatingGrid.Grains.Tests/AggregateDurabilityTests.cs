using RatingGrid.Testing;

namespace RatingGrid.Grains.Tests;

/// <summary>
/// A publication to an aggregate is complete only once storage holds it, so a publisher whose call
/// failed knows to publish again, and a silo dying with unwritten figures loses nothing.
/// </summary>
public sealed class AggregateDurabilityTests(Azurite azurite)
{
    [Fact]
    public async Task A_publication_whose_write_fails_fails_and_its_retry_completes_once_written()
    {
        var observer = new StorageObserver();
        var serviceId = Scenarios.NewId("aggregate-durability");
        var id = Scenarios.NewId("inspection");
        var regionKey = IAggregateGrain.RegionKey(Scenarios.NewId("region"));
        InspectionSummary newer;
        await using (var cluster = await TestClusters.StartAsync(azurite, serviceId, observer))
        {
            var inspection = cluster.Client.GetGrain<IInspectionGrain>(id);
            await inspection.OpenAsync(Scenarios.Details() with { Region = regionKey["region/".Length..] }, "lead");
            await inspection.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("c1", 1)));
            var region = cluster.Client.GetGrain<IAggregateGrain>(regionKey);
            var published = await Eventually.Until(() => region.GetSummaryAsync(id), s => s is { Cases: 1 }, TestContext.Current.CancellationToken);
            newer = published! with { Version = published!.Version + 1, Score = published.Score + 1 };

            observer.FailAggregateWrites = true;
            await Assert.ThrowsAnyAsync<Exception>(() => region.PublishAsync([newer]));
            observer.FailAggregateWrites = false;
            await region.PublishAsync([newer]);
        }

        // Completed means stored: a new cluster reads it back.
        await using var restarted = await TestClusters.StartAsync(azurite, serviceId);
        var stored = await restarted.Client.GetGrain<IAggregateGrain>(regionKey).GetSummaryAsync(id);
        Assert.Equal(newer.Version, stored?.Version);
        Assert.Equal(newer.Score, stored?.Score);
    }
}
