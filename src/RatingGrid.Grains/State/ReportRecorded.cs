using RatingGrid.Domain.Records;

namespace RatingGrid.Grains.State;

/// <summary>The inspection was recorded from its published report (it is published with it and takes no judgements).</summary>
internal sealed record ReportRecorded(PublishedReport Report, string Actor, DateTimeOffset At) : JournalEvent(Actor, At);
