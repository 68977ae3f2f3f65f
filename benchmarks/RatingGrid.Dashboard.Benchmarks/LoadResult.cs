namespace RatingGrid.Dashboard.Benchmarks;

/// <summary>Cold and warm load times (ms) over the runs, and the last run's bytes.</summary>
internal sealed record LoadResult(IReadOnlyList<double> Cold, IReadOnlyList<double> Warm, LoadBytes ColdBytes, LoadBytes WarmBytes)
{
    /// <summary>Each load's time to the page's first byte (ms), where measured: the server's share.</summary>
    public IReadOnlyList<double> FirstByte { get; init; } = [];
}
