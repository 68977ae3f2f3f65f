namespace RatingGrid.Grains.Abstractions.Registry;

/// <summary>Finds the registry grain, so that callers never spell its key.</summary>
public static class RegistryGrains
{
    public static IRegistryGrain GetRegistry(this IGrainFactory grains) => grains.GetGrain<IRegistryGrain>(0);
}
