namespace RatingGrid.Dashboard.Benchmarks;

/// <summary>Cold and warm load times (ms) over the runs, and the last run's bytes.</summary>
internal sealed record LoadResult(IReadOnlyList<double> Cold, IReadOnlyList<double> Warm, LoadBytes ColdBytes, LoadBytes WarmBytes)
{
    /// <summary>Each load's time to the page's first byte (ms), where measured: the server's share.</summary>
    public IReadOnlyList<double> FirstByte { get; init; } = [];

    /// <summary>
    /// Each load's time to the renderer's first contentful paint (ms) before the compositor put it on
    /// screen (the paint entry's paintTime; its startTime, in Cold and Warm, is when it was shown):
    /// cold and warm in turn. Where the page's own work ends and the browser's frame pipeline begins.
    /// </summary>
    public IReadOnlyList<double> Rendered { get; init; } = [];
}
