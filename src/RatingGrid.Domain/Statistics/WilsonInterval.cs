namespace RatingGrid.Domain.Statistics;

/// <summary>
/// The Wilson score interval for a proportion (Wilson 1927; without continuity correction, method 3
/// of Newcombe 1998). Chosen over the textbook normal interval because samples here are small
/// (14 to 91 cases) and percentages often near 0 or 100, where that one runs outside 0..100 or
/// collapses to a point; Wilson's stays inside and never has zero width.
/// </summary>
public static class WilsonInterval
{
    /// <summary>The two-sided 95% normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The interval for <paramref name="yes"/> of <paramref name="applicable"/>; null without any applicable case.</summary>
    public static ProportionInterval? Of(int yes, int applicable, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(yes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(yes, applicable);
        if (applicable == 0)
        {
            return null;
        }

        double n = applicable;
        var p = yes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var halfWidth = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        // At 0 or all yes an end is exactly 0 or 1; arithmetic would leave it a hair off.
        var lower = yes == 0 ? 0 : Math.Max(0, centre - halfWidth);
        var upper = yes == applicable ? 1 : Math.Min(1, centre + halfWidth);
        return new ProportionInterval(100 * lower, 100 * upper);
    }
}
