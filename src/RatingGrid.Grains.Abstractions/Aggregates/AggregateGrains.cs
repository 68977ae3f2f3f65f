using RatingGrid.Grains.Abstractions.References;

namespace RatingGrid.Grains.Abstractions.Aggregates;

/// <summary>Finds the nation's grain, so that callers never spell its key themselves.</summary>
public static class AggregateGrains
{
    public static INationGrain GetNation(this IGrainFactory grains) => grains.Get<INationGrain>(AggregateKey.Nation.ToString());
}
