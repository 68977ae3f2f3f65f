using RatingGrid.Grains.Abstractions.Aggregates;

namespace RatingGrid.Grains.Aggregates;

/// <summary>An answer about a region or the nation, with the version of the figures it was built from. Built once per version and question; immutable: readers share it.</summary>
public sealed record AggregateAnswer<T>(AggregateKey Key, long Version, T Answer);
