using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace RatingGrid.Host.Benchmarks;

/// <summary>
/// Tallies the runtime's allocation ticks (one per ~100 KB allocated, naming the type that crossed
/// the mark) while enabled: a sample, in process, of which types a pass allocates most.
/// </summary>
internal sealed class AllocationTally : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new();

    private volatile bool _enabled;

    public void Enable(bool on) => _enabled = on;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_enabled || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, held) => held + amount);
    }

    public void Print(int top = 25)
    {
        var total = _bytes.Values.Sum();
        Console.WriteLine($"allocation samples: {total / 1e6:N0} MB");
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine($"  {bytes * 100.0 / total,5:N1}%  {type}");
        }
    }
}
