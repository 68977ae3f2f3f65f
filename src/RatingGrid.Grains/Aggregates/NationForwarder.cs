using Microsoft.Extensions.Logging;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Grains.Abstractions.Aggregates;

namespace RatingGrid.Grains.Aggregates;

/// <summary>
/// Forwards a region's newer standings to the nation, behind its publications: only the newest of
/// each inspection, in batches, again after a failure. The nation replaces by version, so sending
/// again is always harmless.
/// </summary>
/// <remarks>Runs on its grain's scheduler, so it needs no locks.</remarks>
internal sealed partial class NationForwarder(IGrainFactory grains, string region, TimeProvider time, ILogger logger)
{
    private readonly Dictionary<string, Standing> _toForward = new(StringComparer.Ordinal);
    private bool _forwarding;
    private bool _stopped;

    public void Forward(IEnumerable<Standing> standings)
    {
        foreach (var standing in standings)
        {
            _toForward[standing.InspectionId] = standing;
        }

        if (!_forwarding && !_stopped && _toForward.Count > 0)
        {
            _ = ForwardLoopAsync();
        }
    }

    /// <summary>Stops for good (the region is deactivating): its next activation forwards everything it holds.</summary>
    public void Stop() => _stopped = true;

    private async Task ForwardLoopAsync()
    {
        _forwarding = true;
        var nation = grains.GetAggregate(AggregateKey.Nation);
        try
        {
            while (!_stopped && _toForward.Count > 0)
            {
                var batch = _toForward.Values.ToArray();
                _toForward.Clear();
                try
                {
                    await nation.PublishAsync(batch).WaitAsync(Publication.Timeout, time); // bounded, as inspections' publications are
                }
                catch (Exception ex)
                {
                    foreach (var standing in batch)
                    {
                        _toForward.TryAdd(standing.InspectionId, standing);
                    }

                    LogForwardFailed(region, ex);
                    await Task.Delay(Publication.RetryAfter, time);
                }
            }
        }
        finally
        {
            _forwarding = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Aggregate region/{Region}: forwarding to the nation failed; retrying")]
    private partial void LogForwardFailed(string region, Exception exception);
}
