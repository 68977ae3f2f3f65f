namespace RatingGrid.Reads.Benchmarks;

/// <summary>One fan-out run: write-to-seen latencies over every watcher, and the host's resident memory before and after the watches opened.</summary>
internal sealed record FanOutResult(int Updates, double P50, double P99, double Max, double RssBeforeMiB, double RssAfterMiB, double BytesPerWatcher);
