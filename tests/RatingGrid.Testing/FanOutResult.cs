namespace RatingGrid.Testing;

/// <summary>One fan-out run: write-to-seen latencies over every watcher, and the host's resident memory before and after the watches opened.</summary>
public sealed record FanOutResult(int Updates, double P50, double P99, double Max, double RssBeforeMiB, double RssAfterMiB, double BytesPerWatcher);
