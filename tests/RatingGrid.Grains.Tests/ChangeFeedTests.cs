namespace RatingGrid.Grains.Tests;

public sealed class ChangeFeedTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_follower_never_sees_a_state_before_it_is_durable()
    {
        var grain = fixture.NewInspection();
        var opened = await grain.OpenAsync(Scenarios.Details(), "lead");
        var follower = grain.WaitForChangeAsync(opened.Version, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        fixture.Storage.HoldWrites();
        var pending = grain.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement("c1", 1)));
        await fixture.Storage.WriteWaiting;

        var whileWriting = await grain.GetAsync();
        Assert.Equal(opened.Version, whileWriting.Version);
        Assert.Equal(0, whileWriting.Results.Cases);
        Assert.False(follower.IsCompleted);

        fixture.Storage.Release();
        var receipt = await pending;
        var seen = await follower;
        Assert.NotNull(seen);
        Assert.Equal(receipt.Version, seen.Version);
        Assert.Equal(1, seen.Results.Cases);
    }

    [Fact]
    public async Task A_follower_sees_versions_in_increasing_order_and_skips_to_the_newest()
    {
        var grain = fixture.NewInspection();
        var version = (await grain.OpenAsync(Scenarios.Details(), "lead")).Version;
        var seen = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            await grain.RecordJudgementsAsync(Scenarios.Batch(Scenarios.Judgement($"c{i}", 1)));
            if (i % 2 == 0)
            {
                continue; // a slow follower misses some versions
            }

            var view = await grain.WaitForChangeAsync(version, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
            Assert.NotNull(view);
            seen.Add(view.Version);
            version = view.Version;
        }

        Assert.Equal(seen.Order(), seen);
        Assert.Equal(seen.Distinct(), seen);
        Assert.Equal((await grain.GetAsync()).Version, seen[^1]);
    }

    [Fact]
    public async Task A_follower_with_nothing_new_gets_null_after_its_timeout()
    {
        var grain = fixture.NewInspection();
        var opened = await grain.OpenAsync(Scenarios.Details(), "lead");

        Assert.Null(await grain.WaitForChangeAsync(opened.Version, TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken));
    }
}
