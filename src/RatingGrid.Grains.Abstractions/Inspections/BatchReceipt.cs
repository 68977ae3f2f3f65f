using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains.Abstractions.Inspections;

/// <summary>What a batch did, acknowledged only once durably written.</summary>
/// <param name="Version">The inspection's version once this batch (and any committed with it) is stored.</param>
/// <param name="Outcomes">One outcome per judgement, in batch order.</param>
[GenerateSerializer, Immutable, Alias("RatingGrid.BatchReceipt")]
public sealed record BatchReceipt(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<ChangeOutcome> Outcomes,
    [property: Id(2)] InspectionResults Results);
