namespace RatingGrid.Grains.Commits;

/// <summary>What a <see cref="CommitQueue{TCapture}"/> writes through: the inspection grain.</summary>
/// <typeparam name="TCapture">What one write stores and then shows, taken before the write starts.</typeparam>
internal interface ICommitTarget<TCapture>
{
    /// <summary>Names the inspection in log lines and errors.</summary>
    string InspectionId { get; }

    /// <summary>A change took effect in memory: count it (version and time) before it waits for a write.</summary>
    void Count();

    /// <summary>Everything applied since the last capture: what the write about to start stores, and what readers see once it has landed.</summary>
    TCapture Capture();

    /// <summary>Stores a capture; throws <see cref="Storage.JournalConflictException"/> when another writer got there first.</summary>
    Task WriteAsync(TCapture capture);

    /// <summary>After a write conflict: reads what storage holds and rebuilds memory from it.</summary>
    Task ReloadAsync();

    /// <summary>A write holding <paramref name="changes"/> changes has landed: show <paramref name="capture"/>.</summary>
    void Committed(TCapture capture, int changes);

    /// <summary>A write failed: memory may hold what storage does not, so the grain must reload before serving again.</summary>
    void Poisoned();
}
