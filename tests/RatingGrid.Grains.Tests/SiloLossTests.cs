using System.Collections.Concurrent;
using RatingGrid.Domain.Ledger;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Testing;

namespace RatingGrid.Grains.Tests;

public sealed class SiloLossTests(Azurite azurite)
{
    private const int Inspections = 24;
    private const int BatchesPerInspection = 12;
    private const int JudgementsPerBatch = 5;

    [Fact]
    public async Task Losing_a_silo_mid_way_loses_no_acknowledged_judgement()
    {
        await using var cluster = await TestClusters.StartAsync(azurite, Scenarios.NewId("silo-loss"), silos: 3);
        var acknowledged = new ConcurrentDictionary<string, ConcurrentBag<CaseJudgement>>();
        var ackedBatches = 0;
        var thirdDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inspectionIds = Enumerable.Range(0, Inspections).Select(i => Scenarios.NewId($"loss-{i}")).ToList();
        foreach (var id in inspectionIds)
        {
            await cluster.Client.GetGrain<IInspectionGrain>(id).OpenAsync(Scenarios.Details(id), "lead");
            acknowledged[id] = [];
        }

        var clients = inspectionIds.Select(id => Task.Run(async () =>
        {
            var grain = cluster.Client.GetGrain<IInspectionGrain>(id);
            for (var b = 0; b < BatchesPerInspection; b++)
            {
                // Later batches revise earlier cases, so replacements cross the failure too.
                var batch = Scenarios.Batch([.. Enumerable.Range(0, JudgementsPerBatch)
                    .Select(j => Scenarios.Judgement($"case-{((b * JudgementsPerBatch) + j) % 40}", b + 1, seed: j))]);
                await SendUntilAcknowledgedAsync(grain, batch);
                foreach (var judgement in batch.Judgements)
                {
                    acknowledged[id].Add(judgement);
                }

                if (Interlocked.Increment(ref ackedBatches) == Inspections * BatchesPerInspection / 3)
                {
                    thirdDone.TrySetResult();
                }
            }
        })).ToList();

        await thirdDone.Task;
        var victim = cluster.Silos.Skip(1).First();
        await cluster.KillSiloAsync(victim, TestContext.Current.CancellationToken);
        await Task.WhenAll(clients);

        foreach (var id in inspectionIds)
        {
            var grain = cluster.Client.GetGrain<IInspectionGrain>(id);
            var view = await grain.GetAsync();
            var latest = acknowledged[id].GroupBy(j => j.CaseId).Select(g => g.MaxBy(j => j.Revision)!).ToList();
            Assert.True(Scenarios.Same(Scenarios.FromScratch(latest), view.Results), $"{id}: results differ from the acknowledged set");
            foreach (var judgement in latest)
            {
                var history = await grain.GetCaseHistoryAsync(judgement.CaseId);
                Assert.Equal(judgement.Revision, history[^1].Revision);
            }
        }
    }

    // A client's duty after a failure: resend until acknowledged. Revisions make resends harmless.
    private static async Task SendUntilAcknowledgedAsync(IInspectionGrain grain, JudgementBatchInput batch)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                await grain.RecordJudgementsAsync(batch);
                return;
            }
            catch (Exception ex) when (ex is not InvalidRequestException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200)); // retry pacing, not synchronisation
            }
        }
    }
}
