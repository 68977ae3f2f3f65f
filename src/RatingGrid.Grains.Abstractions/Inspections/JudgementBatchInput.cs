using RatingGrid.Domain.Ledger;

namespace RatingGrid.Grains.Abstractions.Inspections;

/// <summary>Judgements to apply together, all or nothing, on behalf of <see cref="Actor"/>.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.JudgementBatch")]
public sealed record JudgementBatchInput([property: Id(0)] string Actor, [property: Id(1)] IReadOnlyList<CaseJudgement> Judgements);
