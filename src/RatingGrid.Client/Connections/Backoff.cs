namespace RatingGrid.Client.Connections;

/// <summary>
/// Waits that double from <paramref name="First"/> to <paramref name="Last"/>, each drawn at random
/// between half and all of its step (jitter), so that many callers broken at once do not all come
/// back at the same moment.
/// </summary>
public sealed record Backoff(TimeSpan First, TimeSpan Last)
{
    public static Backoff Default { get; } = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    /// <summary>The wait before attempt <paramref name="attempt"/> (1: the first retry).</summary>
    public TimeSpan Delay(int attempt)
    {
        var step = Math.Min(Last.TotalMilliseconds, First.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30)));
#pragma warning disable CA5394 // jitter, not security
        return TimeSpan.FromMilliseconds(step * (0.5 + (Random.Shared.NextDouble() / 2)));
#pragma warning restore CA5394
    }
}
