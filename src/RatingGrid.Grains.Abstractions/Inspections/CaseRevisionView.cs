using RatingGrid.Domain.Ledger;

namespace RatingGrid.Grains.Abstractions.Inspections;

/// <summary>One accepted change to a case, as the audit trail keeps it.</summary>
/// <param name="Withdrawn">True when this revision withdrew the case; the judgement is then null.</param>
[GenerateSerializer, Immutable, Alias("RatingGrid.CaseRevisionView")]
public sealed record CaseRevisionView(
    [property: Id(0)] long Revision,
    [property: Id(1)] bool Withdrawn,
    [property: Id(2)] string Actor,
    [property: Id(3)] DateTimeOffset ReceivedAt,
    [property: Id(4)] CaseJudgement? Judgement);
