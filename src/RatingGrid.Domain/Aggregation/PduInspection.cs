namespace RatingGrid.Domain.Aggregation;

/// <summary>An inspection of a PDU and how its ratings moved since the PDU's previous inspection (none for the first).</summary>
public sealed record PduInspection(Standing Standing, IReadOnlyList<RatingChange> Changes);
