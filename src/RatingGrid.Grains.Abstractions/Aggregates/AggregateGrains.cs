using RatingGrid.Grains.Abstractions.References;

namespace RatingGrid.Grains.Abstractions.Aggregates;

/// <summary>Finds aggregate grains by their key, so that callers never spell grain keys themselves.</summary>
public static class AggregateGrains
{
    public static IAggregateGrain GetAggregate(this IGrainFactory grains, AggregateKey key) =>
        grains.Get<IAggregateGrain>(key.ToString());
}
