using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Records;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains.Abstractions.Inspections;

/// <summary>An inspection as last durably written; one recorded from its published report carries that report (and results with nothing rated).</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.InspectionView")]
public sealed record InspectionView(
    [property: Id(0)] string InspectionId,
    [property: Id(1)] InspectionDetails Details,
    [property: Id(2)] InspectionStatus Status,
    [property: Id(3)] long Version,
    [property: Id(4)] DateTimeOffset LastChangedAt,
    [property: Id(5)] InspectionResults Results,
    [property: Id(6)] DateTimeOffset? PublishAt = null,
    [property: Id(7)] IReadOnlyList<LifecycleEntry>? Lifecycle = null,
    [property: Id(8)] PublishedReport? Report = null);
