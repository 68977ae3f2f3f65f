namespace RatingGrid.Domain.Rulebooks;

/// <summary>A case band: the rating given when the lowest key-question percentage lies in [From, To].</summary>
public sealed record CaseBand(Rating Rating, int FromPercent, int ToPercent);
