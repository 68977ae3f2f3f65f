using System.Diagnostics.Metrics;
using RatingGrid.Grains.Diagnostics;

namespace RatingGrid.Aggregation.Benchmarks;

/// <summary>Adds up, from the grains' meter, what aggregation wrote: standings rows and their bytes, and publications taken.</summary>
internal sealed class StorageTally : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _rows;
    private long _bytes;
    private long _publications;

    public StorageTally()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GrainMetrics.MeterName && instrument.Name is "ratinggrid.standings.writes" or "ratinggrid.standings.bytes_written" or "ratinggrid.aggregation.publications")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            switch (instrument.Name)
            {
                case "ratinggrid.standings.writes":
                    Interlocked.Add(ref _rows, value);
                    break;
                case "ratinggrid.standings.bytes_written":
                    Interlocked.Add(ref _bytes, value);
                    break;
                default:
                    Interlocked.Add(ref _publications, value);
                    break;
            }
        });
        _listener.Start();
    }

    public long Rows => Interlocked.Read(ref _rows);

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Publications => Interlocked.Read(ref _publications);

    public void Dispose() => _listener.Dispose();
}
