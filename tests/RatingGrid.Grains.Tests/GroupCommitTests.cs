using System.Diagnostics.Metrics;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.Diagnostics;
using RatingGrid.Testing;

namespace RatingGrid.Grains.Tests;

// Alone, because it counts judgements applied across the process through the grains' meter.
[Collection(nameof(RunsAlone))]
public sealed class GroupCommitTests(Azurite azurite)
{
    [Fact]
    public async Task Concurrent_batches_share_writes_and_each_is_acknowledged_after_a_write_that_holds_it()
    {
        const int batches = 40;
        var observer = new StorageObserver();
        await using var cluster = await TestClusters.StartAsync(azurite, Scenarios.NewId("group-commit"), observer);
        var grain = cluster.Client.GetGrain<IInspectionGrain>(Scenarios.NewId("inspection"));
        await grain.OpenAsync(Scenarios.Details(), "lead");
        var writesBefore = observer.Writes;
        using var applied = new AppliedJudgements(batches);

        // Hold the first write until every batch has been applied in memory, so they must queue.
        observer.HoldWrites();
        var receipts = Enumerable.Range(0, batches)
            .Select(async i =>
            {
                var receipt = await grain.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement($"case-{i}", 1)));
                return (receipt, durableWhenAcknowledged: observer.DurableVersion);
            })
            .ToList();
        await applied.AllArrived;
        observer.Release();
        var acknowledged = await Task.WhenAll(receipts);

        var writes = observer.Writes - writesBefore;
        Assert.True(writes < batches, $"{batches} batches took {writes} writes");
        Assert.All(acknowledged, a => Assert.True(a.durableWhenAcknowledged >= a.receipt.Version,
            $"version {a.receipt.Version} acknowledged when storage held only {a.durableWhenAcknowledged}"));
        Assert.Equal(batches, (await grain.GetAsync()).Results.Cases);
    }

    // Completes once the grains have applied the expected number of judgements in memory.
    private sealed class AppliedJudgements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _seen;

        public AppliedJudgements(long expected)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == GrainMetrics.MeterName && instrument.Name == "ratinggrid.judgements.applied")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
            {
                if (Interlocked.Add(ref _seen, value) >= expected)
                {
                    _all.TrySetResult();
                }
            });
            _listener.Start();
        }

        public Task AllArrived => _all.Task;

        public void Dispose() => _listener.Dispose();
    }
}
