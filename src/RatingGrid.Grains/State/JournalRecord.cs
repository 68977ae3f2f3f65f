namespace RatingGrid.Grains.State;

/// <summary>What one group commit appends: its events, and the version and time the inspection reached with them.</summary>
internal sealed record JournalRecord(long Version, DateTimeOffset ChangedAt, IReadOnlyList<JournalEvent> Events);
