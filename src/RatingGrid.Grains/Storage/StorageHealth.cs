using RatingGrid.Grains.Diagnostics;

namespace RatingGrid.Grains.Storage;

/// <summary>
/// Whether storage answers, from the last outcome of every storage call and of an active probe: one
/// failure turns it failing, one success healthy again. Read by the host's health check and
/// published as the gauge <c>ratinggrid.storage.healthy</c>.
/// </summary>
public sealed class StorageHealth
{
    private readonly TimeProvider _time;
    private volatile Outcome _last;

    public StorageHealth(TimeProvider time)
    {
        _time = time;
        _last = new Outcome(true, time.GetUtcNow(), null);
        GrainMetrics.Meter.CreateObservableGauge("ratinggrid.storage.healthy", () => IsHealthy ? 1 : 0, description: "1 while storage answers, 0 while it does not.");
    }

    public bool IsHealthy => _last.Succeeded;

    /// <summary>Since when storage has been in its current state, and the last failure seen, if failing.</summary>
    public (DateTimeOffset Since, string? Failure) State => (_last.Since, _last.Failure);

    public void Succeeded()
    {
        if (!_last.Succeeded)
        {
            _last = new Outcome(true, _time.GetUtcNow(), null);
        }
    }

    public void Failed(Exception cause)
    {
        var since = _last.Succeeded ? _time.GetUtcNow() : _last.Since;
        _last = new Outcome(false, since, cause.Message);
    }

    private sealed record Outcome(bool Succeeded, DateTimeOffset Since, string? Failure);
}
