namespace RatingGrid.Domain.Rulebooks;

/// <summary>What a case band is compared against; the two differ only near a band boundary.</summary>
public enum BandingBasis
{
    /// <summary>The percentage rounded half up to a whole number, as the report publishes it.</summary>
    RoundedWholePercent = 0,

    /// <summary>The exact fraction yes ÷ applicable.</summary>
    ExactFraction = 1,
}
