using RatingGrid.Domain.Aggregation;
using RatingGrid.Grains.Abstractions.Aggregates;

namespace RatingGrid.Grains.Aggregates;

/// <summary>A region's or the nation's figures per rulebook, at a version (see <see cref="AggregateFeed.Version"/>). Immutable: readers share it.</summary>
public sealed record AggregateView(AggregateKey Key, long Version, IReadOnlyList<AggregateFigures> Rulebooks);
