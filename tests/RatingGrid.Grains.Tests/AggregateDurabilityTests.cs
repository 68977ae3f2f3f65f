using RatingGrid.Domain.Aggregation;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Grains.Abstractions.Inspections;
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
        var regionKey = AggregateKey.ForRegion(Scenarios.NewId("region"));
        Standing newer;
        await using (var cluster = await TestClusters.StartAsync(azurite, serviceId, observer))
        {
            var inspection = cluster.Client.GetGrain<IInspectionGrain>(id);
            await inspection.OpenAsync(Scenarios.Details() with { Region = regionKey.Region! }, "lead");
            await inspection.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("c1", 1)));
            var region = cluster.Client.GetAggregate(regionKey);
            var published = await Eventually.Until(() => region.GetStandingAsync(id), s => s is { Cases: 1 }, TestContext.Current.CancellationToken);
            newer = published! with { Version = published!.Version + 1, Score = published.Score + 1 };

            observer.FailAggregateWrites = true;
            await Assert.ThrowsAnyAsync<Exception>(() => region.PublishAsync([newer]));
            observer.FailAggregateWrites = false;
            await region.PublishAsync([newer]);
        }

        // Completed means stored: a new cluster reads it back.
        await using var restarted = await TestClusters.StartAsync(azurite, serviceId);
        var stored = await restarted.Client.GetAggregate(regionKey).GetStandingAsync(id);
        Assert.Equal(newer.Version, stored?.Version);
        Assert.Equal(newer.Score, stored?.Score);
    }

    // Two clusters on one store stand in for the moments after a silo's loss when an aggregate runs
    // twice: each activation's writes carry an ETag the other has already replaced.
    [Fact]
    public async Task An_aggregate_written_by_another_activation_merges_what_that_one_wrote_and_its_publication_completes()
    {
        var serviceId = Scenarios.NewId("aggregate-conflict");
        var regionKey = AggregateKey.ForRegion(Scenarios.NewId("region"));
        var cancel = TestContext.Current.CancellationToken;
        Standing first, second, mine;
        await using (var one = await TestClusters.StartAsync(azurite, serviceId))
        {
            var id = Scenarios.NewId("inspection");
            var inspection = one.Client.GetGrain<IInspectionGrain>(id);
            await inspection.OpenAsync(Scenarios.Details() with { Region = regionKey.Region! }, "lead");
            await inspection.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("c1", 1)));
            var region = one.Client.GetAggregate(regionKey);
            first = (await Eventually.Until(() => region.GetStandingAsync(id), s => s is { Cases: 1 }, cancel))!;
            await region.PublishAsync([first]); // durable before the other activation reads

            await using (var other = await TestClusters.StartAsync(azurite, serviceId))
            {
                second = first with { InspectionId = Scenarios.NewId("inspection"), Score = first.Score + 1 };
                await other.Client.GetAggregate(regionKey).PublishAsync([second]);
            }

            mine = first with { Version = first.Version + 1, Score = first.Score + 2 };
            await region.PublishAsync([mine]).WaitAsync(TimeSpan.FromSeconds(30), cancel);
            Assert.Equal(second.Score, (await region.GetStandingAsync(second.InspectionId))?.Score);
        }

        await using var restarted = await TestClusters.StartAsync(azurite, serviceId);
        var stored = restarted.Client.GetAggregate(regionKey);
        Assert.Equal(mine.Version, (await stored.GetStandingAsync(mine.InspectionId))?.Version);
        Assert.Equal(second.Score, (await stored.GetStandingAsync(second.InspectionId))?.Score);
    }
}
