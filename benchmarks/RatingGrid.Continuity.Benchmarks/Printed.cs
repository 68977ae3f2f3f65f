using RatingGrid.Domain.Rulebooks;
using RatingGrid.Testing;
using RatingGrid.Testing.Continuity;

namespace RatingGrid.Continuity.Benchmarks;

/// <summary>How the benchmark prints what it measured.</summary>
internal static class Printed
{
    public static readonly Rulebook Rulebook = RulebookCatalog.BuiltIn.Get(RulebookCatalog.DefaultKey);

    /// <summary>One line: the reads' count, failures, latency p50/p99/max and how far behind they said they might be, then anything else measured meanwhile.</summary>
    public static void Line(string what, IReadOnlyList<ReadSample> reads, string meanwhile)
    {
        var took = reads.Where(r => !r.Failed).Select(r => r.Took.TotalMilliseconds).ToList();
        var behind = reads.Select(r => r.Behind ?? TimeSpan.Zero).DefaultIfEmpty().Max();
        var latency = took.Count == 0 ? "no read answered" : $"p50 {Percentiles.Of(took, 50):N1} ms, p99 {Percentiles.Of(took, 99):N1} ms, max {took.Max():N1} ms";
        Console.WriteLine($"{what}: {reads.Count:N0} reads, {reads.Count(r => r.Failed)} failed; {latency}; most behind said {behind.TotalSeconds:N1} s; {meanwhile}");
    }
}
