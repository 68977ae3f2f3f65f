namespace RatingGrid.Domain.Rulebooks;

/// <summary>An overall band: the overall rating given to scores in [From, To].</summary>
public sealed record OverallBand(Rating Rating, int FromScore, int ToScore);
