using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Aggregation;

/// <summary>Everything a region or the nation reports for one rulebook.</summary>
public sealed record AggregateFigures(
    RulebookKey Rulebook,
    PooledFigures Pooled,
    RatingCounts Overall,
    IReadOnlyDictionary<string, RatingCounts> Standards);
