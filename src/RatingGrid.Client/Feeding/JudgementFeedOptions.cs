using RatingGrid.Client.Connections;

namespace RatingGrid.Client.Feeding;

/// <summary>How a <see cref="JudgementFeed"/> paces itself.</summary>
public sealed record JudgementFeedOptions
{
    /// <summary>Batches sent and not yet acknowledged; a further <see cref="JudgementFeed.SendAsync"/> waits for room. Match the service's Limits:MaxBatchesInFlightPerStream (64).</summary>
    public int MaxPending { get; init; } = 64;

    /// <summary>The waits between attempts to open a new stream after a break.</summary>
    public Backoff Backoff { get; init; } = Backoff.Default;

    /// <summary>How long the feed keeps trying with nothing acknowledged before it fails every batch it holds with the last error.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The actor named in each batch; the service ignores it unless it runs without authentication.</summary>
    public string Actor { get; init; } = "";

    /// <summary>Told of each break and how long until the feed tries again.</summary>
    public Action<Exception, TimeSpan>? Broken { get; init; }

    /// <summary>The clock the feed waits and measures on.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
