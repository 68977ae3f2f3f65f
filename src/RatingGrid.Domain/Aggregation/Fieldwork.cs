namespace RatingGrid.Domain.Aggregation;

/// <summary>The dates an inspection's fieldwork ran.</summary>
public sealed record Fieldwork(DateOnly Start, DateOnly End);
