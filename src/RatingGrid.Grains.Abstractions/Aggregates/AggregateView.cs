using RatingGrid.Domain.Aggregation;

namespace RatingGrid.Grains.Abstractions.Aggregates;

/// <summary>A region's or the nation's view: figures per rulebook, at a version that goes up with every change.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.AggregateView")]
public sealed record AggregateView(
    [property: Id(0)] AggregateKey Key,
    [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<AggregateFigures> Rulebooks);
