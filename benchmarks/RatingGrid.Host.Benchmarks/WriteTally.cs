using System.Diagnostics.Metrics;
using RatingGrid.Grains.Diagnostics;

namespace RatingGrid.Host.Benchmarks;

/// <summary>
/// The hosts' inspection writes (group commits) as their metrics report them: how many, and how
/// long each took, so a pass can say how many writes its judgements needed and what each cost; and
/// the requests that stored standings rows.
/// </summary>
internal sealed class WriteTally : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _writes;
    private long _latencyMicroseconds;
    private long _standingRequests;

    public WriteTally()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GrainMetrics.MeterName && instrument.Name is "ratinggrid.storage.writes" or "ratinggrid.storage.write_latency" or "ratinggrid.standings.requests")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Interlocked.Add(ref instrument.Name == "ratinggrid.standings.requests" ? ref _standingRequests : ref _writes, value));
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => Interlocked.Add(ref _latencyMicroseconds, (long)(value * 1000)));
        _listener.Start();
    }

    public (long Writes, double LatencyMilliseconds, long StandingRequests) Read() =>
        (Interlocked.Read(ref _writes), Interlocked.Read(ref _latencyMicroseconds) / 1000.0, Interlocked.Read(ref _standingRequests));

    public void Dispose() => _listener.Dispose();
}
