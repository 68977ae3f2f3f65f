using RatingGrid.Domain.Ledger;
using RatingGrid.Grains.Abstractions.Errors;

namespace RatingGrid.Grains.Tests;

public sealed class IdempotencyTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task The_same_batch_twice_changes_the_ratings_once()
    {
        var grain = fixture.NewInspection();
        await grain.OpenAsync(Scenarios.Details(), "lead");
        var batch = Scenarios.Batch([.. Enumerable.Range(0, 10).Select(i => Scenarios.Judgement($"c{i}", 1))]);

        var first = await grain.RecordJudgementsAsync(batch);
        var second = await grain.RecordJudgementsAsync(batch);

        Assert.All(first.Outcomes, o => Assert.Equal(ChangeOutcome.Applied, o));
        Assert.All(second.Outcomes, o => Assert.Equal(ChangeOutcome.Duplicate, o));
        Assert.Equal(first.Version, second.Version);
        Assert.True(Scenarios.Same(first.Results, second.Results));
        Assert.True(Scenarios.Same(Scenarios.FromScratch(batch.Judgements), (await grain.GetAsync()).Results));
        Assert.Single(await grain.GetCaseHistoryAsync("c3"));
    }

    [Fact]
    public async Task A_retry_after_a_timeout_whose_first_attempt_succeeded_changes_nothing_more()
    {
        var grain = fixture.NewInspection();
        await grain.OpenAsync(Scenarios.Details(), "lead");
        var batch = Scenarios.Batch(Scenarios.Judgement("c1", 1), Scenarios.Judgement("c2", 1));

        // The first attempt reaches storage but its caller gives up waiting (as on a client timeout).
        fixture.Storage.HoldWrites();
        var abandoned = grain.RecordJudgementsAsync(batch);
        await fixture.Storage.WriteWaiting;
        var retry = grain.RecordJudgementsAsync(batch);
        fixture.Storage.Release();

        var retried = await retry;
        Assert.All(retried.Outcomes, o => Assert.Equal(ChangeOutcome.Duplicate, o));
        Assert.All((await abandoned).Outcomes, o => Assert.Equal(ChangeOutcome.Applied, o));
        var view = await grain.GetAsync();
        Assert.Equal(2, view.Results.Cases);
        Assert.True(Scenarios.Same(Scenarios.FromScratch(batch.Judgements), view.Results));
    }

    [Fact]
    public async Task Stale_revisions_are_refused_and_change_nothing()
    {
        var grain = fixture.NewInspection();
        await grain.OpenAsync(Scenarios.Details(), "lead");
        var current = Scenarios.Judgement("c1", 5);
        await grain.RecordJudgementsAsync(Scenarios.Batch(current));
        var before = await grain.GetAsync();

        var stale = await grain.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("c1", 4, seed: 1)));
        var conflicting = await grain.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("c1", 5, seed: 2)));

        Assert.Equal([ChangeOutcome.Stale], stale.Outcomes);
        Assert.Equal([ChangeOutcome.Conflict], conflicting.Outcomes);
        var after = await grain.GetAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.True(Scenarios.Same(Scenarios.FromScratch([current]), after.Results));
    }

    [Fact]
    public async Task Several_batches_in_one_call_share_one_write_and_a_refused_one_fails_alone()
    {
        var grain = fixture.NewInspection();
        await grain.OpenAsync(Scenarios.Details(), "lead");
        var bad = Scenarios.Judgement("bad", 1) with { CaseType = "custody" };
        var writesBefore = fixture.Storage.Writes;

        var results = await grain.RecordBatchesAsync([
            Scenarios.Batch(Scenarios.Judgement("a", 1)), Scenarios.Batch(bad), Scenarios.Batch(Scenarios.Judgement("b", 1))]);

        Assert.Equal(1, fixture.Storage.Writes - writesBefore);
        Assert.NotNull(results[0].Receipt);
        Assert.Equal("judgements[0].case_type", Assert.Single(Assert.IsType<InvalidRequestException>(results[1].Error).Violations).Field);
        Assert.NotNull(results[2].Receipt);
        Assert.Equal(2, (await grain.GetAsync()).Results.Cases);
    }
}
