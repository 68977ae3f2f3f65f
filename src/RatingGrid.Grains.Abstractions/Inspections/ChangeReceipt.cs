using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains.Abstractions.Inspections;

/// <summary>What a single change did, acknowledged only once durably written.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.ChangeReceipt")]
public sealed record ChangeReceipt(
    [property: Id(0)] long Version,
    [property: Id(1)] ChangeOutcome Outcome,
    [property: Id(2)] InspectionResults Results);
