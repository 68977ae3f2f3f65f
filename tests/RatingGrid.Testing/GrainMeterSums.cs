using System.Diagnostics.Metrics;
using RatingGrid.Grains.Diagnostics;

namespace RatingGrid.Testing;

/// <summary>
/// Running totals of some of the grains' own instruments (their meter, by instrument name): counts
/// for counters, sums of recorded values for histograms. Benchmarks read them between passes, so
/// what they print is what the service's own metrics say.
/// </summary>
public sealed class GrainMeterSums : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<string, double> _totals = new(StringComparer.Ordinal);

    public GrainMeterSums(params string[] instruments)
    {
        foreach (var name in instruments)
        {
            _totals[name] = 0;
        }

        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GrainMetrics.MeterName && _totals.ContainsKey(instrument.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(instrument.Name, value));
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Add(instrument.Name, value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Add(instrument.Name, value));
        _listener.Start();
    }

    /// <summary>The total of <paramref name="instrument"/> so far.</summary>
    public double this[string instrument]
    {
        get
        {
            lock (_lock)
            {
                return _totals[instrument];
            }
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(string instrument, double value)
    {
        lock (_lock)
        {
            _totals[instrument] += value;
        }
    }
}
