using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Aggregation;

/// <summary>
/// Where one inspection stands at one version: its ratings and its counters. Regions and the nation
/// hold the newest standing of each inspection and replace it, never add to it, so a standing that
/// arrives twice, late or out of order changes nothing.
/// </summary>
/// <param name="StandardRatings">Each standard's rating, null while unrated.</param>
/// <param name="Overall">The overall rating, null while provisional.</param>
/// <param name="ChangedAt">When the inspection reached this version.</param>
public sealed record Standing(
    string InspectionId,
    string PduName,
    string Region,
    RulebookKey Rulebook,
    long Version,
    IReadOnlyDictionary<string, Rating?> StandardRatings,
    Rating? Overall,
    int Score,
    TallySnapshot Tallies,
    DateTimeOffset ChangedAt = default)
{
    /// <summary>Cases counted in the inspection at this version.</summary>
    public int Cases => Tallies.Cases;
}
