namespace RatingGrid.Domain.Records;

/// <summary>
/// A date as a source states it ("2025", "2024-11", "2023-10..2024-02", "March (per BBC)"), and the
/// first and last days it can mean (null where the source does not say). Nothing is guessed: a month
/// stated is a month, a year a year.
/// </summary>
public sealed record StatedDates(string AsStated, DateOnly? Earliest, DateOnly? Latest)
{
    /// <summary>Whether both ends are known.</summary>
    public bool IsBounded => Earliest is not null && Latest is not null;
}
