namespace RatingGrid.Grains.Inspections;

/// <summary>What a <see cref="CommitQueue{TSnapshot}"/> writes through: the inspection grain.</summary>
/// <typeparam name="TSnapshot">What the grain shows once a write has landed, captured before the write starts.</typeparam>
internal interface ICommitTarget<TSnapshot>
{
    /// <summary>Names the inspection in log lines and errors.</summary>
    string InspectionId { get; }

    /// <summary>A change took effect in memory: count it (version and time) before it waits for a write.</summary>
    void Count();

    /// <summary>What readers will see once the write about to start has landed.</summary>
    TSnapshot Capture();

    /// <summary>Writes what memory holds now; throws <see cref="Orleans.Storage.InconsistentStateException"/> when another writer got there first.</summary>
    Task WriteAsync();

    /// <summary>After a write conflict: reads what storage holds and rebuilds memory from it.</summary>
    Task ReloadAsync();

    /// <summary>A write holding <paramref name="changes"/> changes has landed: show <paramref name="snapshot"/>.</summary>
    void Committed(TSnapshot snapshot, int changes);

    /// <summary>A write failed: memory may hold what storage does not, so the grain must reload before serving again.</summary>
    void Poisoned();
}
