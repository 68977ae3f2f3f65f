namespace RatingGrid.Grains.Commits;

/// <summary>What applying a change did: whether it changed anything, and its outcome for the caller.</summary>
internal readonly record struct Change<T>(bool HasChanged, T Outcome);
