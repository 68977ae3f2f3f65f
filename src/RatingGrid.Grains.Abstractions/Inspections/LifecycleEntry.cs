using RatingGrid.Domain.Lifecycle;

namespace RatingGrid.Grains.Abstractions.Inspections;

/// <summary>One step in an inspection's life, as audited: who moved it where, when, and why.</summary>
/// <param name="PublishAt">For an embargo, when it publishes itself.</param>
/// <param name="Reason">For a correction of a published inspection, the reason given.</param>
[GenerateSerializer, Immutable, Alias("RatingGrid.LifecycleEntry")]
public sealed record LifecycleEntry(
    [property: Id(0)] InspectionStatus Status,
    [property: Id(1)] string Actor,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] DateTimeOffset? PublishAt,
    [property: Id(4)] string? Reason);
