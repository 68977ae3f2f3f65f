using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Aggregation;

/// <summary>Everything a region or the nation reports for one rulebook.</summary>
/// <param name="Overall">Inspections by overall rating (every inspection held).</param>
/// <param name="Current">The current picture: each PDU once, by its newest inspection.</param>
public sealed record AggregateFigures(
    RulebookKey Rulebook,
    PooledFigures Pooled,
    RatingCounts Overall,
    IReadOnlyDictionary<string, RatingCounts> Standards,
    CurrentPicture Current);
