namespace RatingGrid.Testing;

/// <summary>Nearest-rank percentiles, as the benchmarks report them.</summary>
public static class Percentiles
{
    public static double Of(IEnumerable<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
