namespace RatingGrid.Domain.Scoring;

/// <summary>Percentage arithmetic in integers, so that band edges never suffer from floating point.</summary>
public static class Percent
{
    /// <summary>yes ÷ applicable as a whole percentage rounded half up (13 of 44 = 29.5% → 30).</summary>
    public static int RoundHalfUp(int yes, int applicable)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(applicable);
        // floor(100·yes/applicable + ½) = floor((200·yes + applicable) / (2·applicable))
        return (int)(((200L * yes) + applicable) / (2L * applicable));
    }

    /// <summary>yes ÷ applicable × 100, for display only; ratings never use it.</summary>
    public static double Exact(int yes, int applicable)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(applicable);
        return 100.0 * yes / applicable;
    }

    /// <summary>Whether yes ÷ applicable is at least <paramref name="threshold"/>%, exactly.</summary>
    public static bool ReachesExactly(int yes, int applicable, int threshold) => 100L * yes >= (long)threshold * applicable;

    /// <summary>Orders two fractions exactly: negative when a &lt; b.</summary>
    public static int CompareExact(AnswerTally a, AnswerTally b) =>
        ((long)a.Yes * b.Applicable).CompareTo((long)b.Yes * a.Applicable);
}
