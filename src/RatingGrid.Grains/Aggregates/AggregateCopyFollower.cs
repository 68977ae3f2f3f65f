using Microsoft.Extensions.Logging;
using RatingGrid.Grains.Abstractions.Aggregates;

namespace RatingGrid.Grains.Aggregates;

/// <summary>
/// Keeps this host's <see cref="AggregateCopy"/> current: asks the nation for its changes after the
/// last one taken, again and again (a long poll: the nation answers at once when it has changes, or
/// after <see cref="Wait"/> with none, which tells the copy it is current). When the nation cannot
/// be reached the copy is marked behind and the follower tries again after a short pause; a new
/// activation of the nation (after its host is lost or leaves) starts a new epoch, and the copy
/// takes everything again, which changes only what it lacked.
/// </summary>
internal sealed partial class AggregateCopyFollower(IGrainFactory grains, AggregateCopy copy, TimeProvider time, ILogger<AggregateCopyFollower> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    /// <summary>How long the nation holds a question with nothing to say: the copy knows itself current at least this often.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _stop = new();
    private Task _following = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe<AggregateCopyFollower>(ServiceLifecycleStage.Active, _ => Start(), _ => StopAsync());

    private Task Start()
    {
        _following = Task.Run(() => FollowAsync(_stop.Token));
        return Task.CompletedTask;
    }

    public void Dispose() => _stop.Dispose();

    private async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _following;
    }

    private async Task FollowAsync(CancellationToken stop)
    {
        var (epoch, after) = (Guid.Empty, 0L);
        var answeredAt = time.GetUtcNow();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                // A question the nation does not answer within its wait (its host lost, say) is given
                // up on, and the copy marked behind, rather than waited on for Orleans' whole timeout.
                var changes = await grains.GetNation().FollowAsync(epoch, after, Wait, stop).WaitAsync(Wait * 3, time, stop);
                if (changes.Epoch != epoch)
                {
                    (epoch, after) = (changes.Epoch, 0);
                }

                copy.Take(changes.Standings);
                after = changes.UpTo;
                answeredAt = time.GetUtcNow();
                if (!changes.More)
                {
                    if (copy.BehindSince is { } since)
                    {
                        LogCaughtUp((answeredAt - since).TotalSeconds);
                    }

                    copy.CaughtUp();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (copy.BehindSince is null)
                {
                    LogBehind(ex.Message);
                }

                copy.Behind(answeredAt);
                await Task.Delay(Pause, time, stop).ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This host's copy of the figures cannot reach the nation and may fall behind; it answers as it stands and keeps trying. {Reason}")]
    private partial void LogBehind(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "This host's copy of the figures is current again, {Seconds:0.0} s after it last was")]
    private partial void LogCaughtUp(double seconds);
}
