namespace RatingGrid.Grains.Publication;

/// <summary>How inspections publish their standings to their region and the nation (options).</summary>
public sealed class PublicationOptions
{
    /// <summary>
    /// How often an inspection with a change not yet confirmed by its region and the nation is
    /// woken to publish again, by a durable reminder registered before that change is acknowledged.
    /// After the loss of a host this bounds how long the nation can stay behind, with no client
    /// touching the inspection; an inspection quiet and confirmed for this long drops its reminder.
    /// </summary>
    public TimeSpan PendingCheckPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The least time between two writes of one inspection's standing to the standings table (what
    /// aggregates are rebuilt from); readers see each change at once all the same, through the
    /// aggregates in memory.
    /// </summary>
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a publisher waits for an aggregate before publishing again; publishing again is harmless.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The pause before a failed publication is tried again.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
