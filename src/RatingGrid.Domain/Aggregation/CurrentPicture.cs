namespace RatingGrid.Domain.Aggregation;

/// <summary>PDUs in the current picture, and how many stand at each overall and standard rating.</summary>
public sealed record CurrentPicture(int Pdus, RatingCounts Overall, IReadOnlyDictionary<string, RatingCounts> Standards);
