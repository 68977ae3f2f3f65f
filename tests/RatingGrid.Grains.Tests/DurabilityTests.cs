using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Testing;

namespace RatingGrid.Grains.Tests;

public sealed class DurabilityTests(Azurite azurite)
{
    [Fact]
    public async Task Everything_acknowledged_is_back_after_a_whole_cluster_restart()
    {
        var serviceId = Scenarios.NewId("restart");
        var inspectionId = Scenarios.NewId("inspection");
        var judgements = Enumerable.Range(0, 40).Select(i => Scenarios.Judgement($"case-{i}", 1)).ToList();
        InspectionView before;
        IReadOnlyList<CaseRevisionView> historyBefore;

        await using (var cluster = await TestClusters.StartAsync(azurite, serviceId))
        {
            var grain = cluster.Client.GetGrain<IInspectionGrain>(inspectionId);
            await grain.OpenAsync(Scenarios.Details(), "lead-inspector");
            await grain.RecordJudgementsAsync(Scenarios.Batch([.. judgements.Take(25)]));
            await grain.RecordJudgementsAsync(Scenarios.Batch([.. judgements.Skip(25)]));
            await grain.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("case-3", 2, seed: 9)));
            await grain.WithdrawCaseAsync("case-4", 2, "lead-inspector");
            await grain.SetJudgedRatingAsync(new JudgedRatingInput("P1.1", Rating.Good, "Clear vision, well communicated.", "lead-inspector"));
            await grain.CloseAsync("lead-inspector");
            before = await grain.GetAsync();
            historyBefore = await grain.GetCaseHistoryAsync("case-3");
        }

        await using (var cluster = await TestClusters.StartAsync(azurite, serviceId))
        {
            var grain = cluster.Client.GetGrain<IInspectionGrain>(inspectionId);
            var after = await grain.GetAsync();

            Assert.Equal(before.Version, after.Version);
            Assert.Equal(InspectionStatus.Closed, after.Status);
            Assert.Equal(before.Details, after.Details);
            Assert.True(Scenarios.Same(before.Results, after.Results));
            Assert.Equal(39, after.Results.Cases);
            Assert.Equal(Rating.Good, after.Results.Standards.Single(s => s.StandardId == "P1.1").Rating);
            var history = await grain.GetCaseHistoryAsync("case-3");
            Assert.Equal([1L, 2L], history.Select(h => h.Revision));
            Assert.Equal(historyBefore, history, (a, b) => a.Revision == b.Revision && a.Actor == b.Actor && a.ReceivedAt == b.ReceivedAt);
            Assert.True((await grain.GetCaseHistoryAsync("case-4"))[^1].Withdrawn);
        }
    }
}
