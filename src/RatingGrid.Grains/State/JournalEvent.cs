namespace RatingGrid.Grains.State;

/// <summary>One change an inspection accepted, as its journal keeps it: who made it and when.</summary>
internal abstract record JournalEvent(string Actor, DateTimeOffset At);
