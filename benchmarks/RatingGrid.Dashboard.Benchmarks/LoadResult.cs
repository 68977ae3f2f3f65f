namespace RatingGrid.Dashboard.Benchmarks;

/// <summary>Cold and warm load times (ms) over the runs, and the last run's bytes.</summary>
internal sealed record LoadResult(IReadOnlyList<double> Cold, IReadOnlyList<double> Warm, LoadBytes ColdBytes, LoadBytes WarmBytes);
