using Microsoft.Extensions.Logging;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Grains.Aggregates;

namespace RatingGrid.Grains.Inspections;

/// <summary>
/// Publishes an inspection's newest durable standing to its region, behind acknowledgements: only
/// the newest is ever sent, and whatever is committed meanwhile goes in the next publication.
/// </summary>
/// <remarks>Runs on its grain's scheduler, so it needs no locks.</remarks>
internal sealed partial class StandingPublisher(IGrainFactory grains, TimeProvider time, ILogger logger)
{
    private Standing? _next;
    private bool _publishing;
    private bool _stopped;

    public void Publish(Standing standing)
    {
        _next = standing;
        if (!_publishing && !_stopped)
        {
            _ = PublishLoopAsync();
        }
    }

    /// <summary>Stops for good (the grain is deactivating): its next activation publishes its standing anyway.</summary>
    public void Stop() => _stopped = true;

    private async Task PublishLoopAsync()
    {
        _publishing = true;
        try
        {
            while (!_stopped && _next is { } standing)
            {
                _next = null;
                try
                {
                    // Bounded: while the cluster recovers from a lost silo a call can go unanswered for
                    // long, and newer standings must not queue behind it (publishing again is harmless).
                    await grains.GetAggregate(AggregateKey.ForRegion(standing.Region)).PublishAsync([standing])
                        .WaitAsync(Publication.Timeout, time);
                }
                catch (Exception ex)
                {
                    _next ??= standing;
                    LogPublishFailed(standing.InspectionId, ex);
                    await Task.Delay(Publication.RetryAfter, time);
                }
            }
        }
        finally
        {
            _publishing = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inspection {InspectionId}: publishing to its region failed; retrying")]
    private partial void LogPublishFailed(string inspectionId, Exception exception);
}
