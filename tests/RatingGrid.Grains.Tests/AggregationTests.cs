using System.Text.Json;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.Aggregates;
using RatingGrid.Testing;

namespace RatingGrid.Grains.Tests;

public sealed class AggregationTests(Azurite azurite)
{
    private const int Inspections = 200;
    private const int Regions = 12;
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    private static string Region(int i) => $"region-{i % Regions:D2}";

    [Fact]
    public async Task Regions_and_the_nation_equal_a_recomputation_from_every_inspection_once_quiet()
    {
        await using var cluster = await TestClusters.StartAsync(azurite, Scenarios.NewId("aggregation"));
        var factory = cluster.Client;
        var run = Guid.NewGuid().ToString("N")[..8];
        var random = new Random(5150);
        var acknowledged = new Dictionary<string, List<CaseJudgement>>();

        await Parallel.ForEachAsync(Enumerable.Range(0, Inspections), TestContext.Current.CancellationToken, async (i, _) =>
        {
            var id = $"agg-{run}-{i:D3}";
            var grain = factory.GetGrain<IInspectionGrain>(id);
            await grain.OpenAsync(Scenarios.Details(id) with { Region = Region(i) }, "lead");
            var sent = new List<CaseJudgement>();
            var local = new Random(i);
            for (var revision = 1; revision <= 3; revision++)
            {
                var batch = Scenarios.Batch([.. Enumerable.Range(0, 1 + local.Next(6)).Select(c => Scenarios.Judgement($"case-{c}", revision, seed: i))]);
                await grain.RecordJudgementsAsync(batch);
                sent.AddRange(batch.Judgements);
                if (local.Next(3) == 0)
                {
                    await grain.RecordJudgementsAsync(batch); // a retry: duplicates
                }
            }

            lock (acknowledged)
            {
                acknowledged[id] = sent;
            }
        });
        _ = random;

        // The recomputation: each inspection from scratch over what was acknowledged, pooled per region and nation.
        var rulebooks = RulebookCatalog.BuiltIn;
        var expectedNation = new Aggregate(rulebooks);
        var expectedRegions = Enumerable.Range(0, Regions).ToDictionary(r => Region(r), _ => new Aggregate(rulebooks));
        foreach (var (id, judgements) in acknowledged)
        {
            var view = await factory.GetGrain<IInspectionGrain>(id).GetAsync();
            var ledger = new InspectionLedger(Scenarios.Rulebook);
            foreach (var judgement in judgements.OrderBy(j => j.Revision))
            {
                ledger.Apply(judgement);
            }

            var standing = ledger.Standing(id, view.Details.PduName, view.Details.Region, view.Version);
            expectedNation.Replace(standing);
            expectedRegions[view.Details.Region].Replace(standing);
        }

        var copy = cluster.Copy();
        await EventuallyEqual(copy, AggregateKey.Nation, expectedNation);
        foreach (var (region, expected) in expectedRegions)
        {
            await EventuallyEqual(copy, AggregateKey.ForRegion(region), expected);
        }

        Assert.Equal(Inspections, copy.List(AggregateKey.Nation, Visibility.Unpublished).Answer.Count(s => s.InspectionId.Contains(run, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task National_figures_are_the_same_after_a_whole_cluster_restart()
    {
        var serviceId = Scenarios.NewId("aggregation-restart");
        string before;
        await using (var cluster = await TestClusters.StartAsync(azurite, serviceId))
        {
            var expected = new Aggregate(RulebookCatalog.BuiltIn);
            for (var i = 0; i < 6; i++)
            {
                var id = $"restart-{i}";
                var grain = cluster.Client.GetGrain<IInspectionGrain>(id);
                await grain.OpenAsync(Scenarios.Details(id) with { Region = Region(i) }, "lead");
                var judgements = Enumerable.Range(0, 4).Select(c => Scenarios.Judgement($"c{c}", 1, seed: i)).ToArray();
                var receipt = await grain.RecordJudgementsAsync(Scenarios.Batch(judgements));
                var ledger = new InspectionLedger(Scenarios.Rulebook);
                ledger.ApplyBatch(judgements);
                expected.Replace(ledger.Standing(id, $"PDU {id}", Region(i), receipt.Version));
            }

            before = await EventuallyEqual(cluster.Copy(), AggregateKey.Nation, expected);
        }

        await using var restarted = await TestClusters.StartAsync(azurite, serviceId);
        var copy = restarted.Copy();
        await copy.Loaded.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(before, Figures(copy.Figures(AggregateKey.Nation, Visibility.Unpublished)));
    }

    private static string Figures(AggregateView view) => JsonSerializer.Serialize(view.Rulebooks, Json);

    private static string Figures(Aggregate aggregate) =>
        JsonSerializer.Serialize(aggregate.Rulebooks.Select(aggregate.Figures).ToList(), Json);

    // Aggregation runs behind acknowledgements: wait, with a deadline, until a host's copy settles on the expected figures.
    private static async Task<string> EventuallyEqual(AggregateCopy copy, AggregateKey key, Aggregate expected)
    {
        var want = Figures(expected);
        var got = await Eventually.Until(() => Task.FromResult(Figures(copy.Figures(key, Visibility.Unpublished))), figures => figures == want, TestContext.Current.CancellationToken, seconds: 30);
        Assert.Equal(want, got);
        return got;
    }
}
