namespace RatingGrid.Grains.Aggregates;

/// <summary>How publishers (inspections to their region, regions to the nation) pace themselves.</summary>
internal static class Publication
{
    /// <summary>
    /// How long a publisher waits for a publication before publishing again: several of the
    /// aggregate's coalesced writes, yet short beside a test's or a dashboard's patience.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The pause before a failed publication is tried again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
}
