using System.Collections.Concurrent;
using Grpc.Core;

namespace RatingGrid.Testing.Continuity;

/// <summary>What one watch saw: each version and when (from the run's start), and each break of its stream with its status.</summary>
public sealed class WatchRecord(int number, string host, string scope)
{
    private readonly ConcurrentQueue<(TimeSpan At, long Version)> _versions = new();
    private readonly ConcurrentQueue<(TimeSpan At, StatusCode Status, string Detail)> _breaks = new();

    public int Number => number;

    /// <summary>The host the watch was opened on, or "balanced" for one that goes wherever its channel sends it.</summary>
    public string Host => host;

    /// <summary>"nation", or the region's name.</summary>
    public string Scope => scope;

    public IReadOnlyList<(TimeSpan At, long Version)> Versions => [.. _versions];

    public IReadOnlyList<(TimeSpan At, StatusCode Status, string Detail)> Breaks => [.. _breaks];

    /// <summary>A failure the watch could not ride out (the client library gave up, or a raw stream failed otherwise than by the test's stop).</summary>
    public Exception? Failure { get; internal set; }

    public long LastVersion => _versions.IsEmpty ? 0 : _versions.Last().Version;

    internal void Saw(TimeSpan at, long version) => _versions.Enqueue((at, version));

    internal void Broke(TimeSpan at, StatusCode status, string detail) => _breaks.Enqueue((at, status, detail));
}
