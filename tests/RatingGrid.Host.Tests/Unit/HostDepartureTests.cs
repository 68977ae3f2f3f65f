using Microsoft.Extensions.Logging.Abstractions;
using RatingGrid.Host.Health;
using RatingGrid.Host.Hosting;

namespace RatingGrid.Host.Tests.Unit;

/// <summary>The order a leaving host keeps: work in hand finished, then the silo gone, then streams ended.</summary>
public sealed class HostDepartureTests
{
    [Fact]
    public async Task The_silo_leaves_only_once_work_in_hand_is_done_and_streams_end_only_after_it_has_left()
    {
        var steps = new List<string>();
        var silo = new TaskCompletionSource();
        var siloLeaving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var readiness = new ServiceReadiness();
        await readiness.StartedAsync(CancellationToken.None);
        using var departure = new HostDeparture(async _ => { steps.Add("silo leaves"); siloLeaving.SetResult(); await silo.Task; steps.Add("silo left"); }, readiness, TimeProvider.System, NullLogger<HostDeparture>.Instance);
        var inHand = departure.Working();

        var leaving = departure.StoppingAsync(CancellationToken.None);
        Assert.False(readiness.IsReady);
        Assert.True(departure.Leaving.IsCancellationRequested);
        using (departure.Working())
        {
            // work begun while leaving is not waited for
        }

        Assert.Empty(steps);
        var streamEnds = departure.LeftAsync(CancellationToken.None).ContinueWith(_ => steps.Add("streams end"), TaskScheduler.Default);
        inHand.Dispose();
        await siloLeaving.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(["silo leaves"], steps);
        Assert.False(departure.Left.IsCancellationRequested);

        silo.SetResult();
        await leaving;
        await streamEnds;
        Assert.Equal(["silo leaves", "silo left", "streams end"], steps);
    }

    [Fact]
    public async Task With_nothing_in_hand_the_silo_leaves_at_once()
    {
        var left = false;
        using var departure = new HostDeparture(_ => { left = true; return Task.CompletedTask; }, new ServiceReadiness(), TimeProvider.System, NullLogger<HostDeparture>.Instance);
        await departure.StoppingAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.True(left);
        Assert.True(departure.Left.IsCancellationRequested);
    }
}
