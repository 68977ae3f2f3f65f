namespace RatingGrid.Domain.Statistics;

/// <summary>A confidence interval for a percentage, its ends in percent (0 to 100).</summary>
public readonly record struct ProportionInterval(double LowerPercent, double UpperPercent);
