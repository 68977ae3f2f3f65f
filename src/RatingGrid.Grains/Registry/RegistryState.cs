namespace RatingGrid.Grains.Registry;

/// <summary>What the registry stores: every change made since the data file, oldest first (the data file itself ships with the service).</summary>
[GenerateSerializer, Alias("RatingGrid.RegistryState")]
public sealed class RegistryState
{
    [Id(0)]
    public List<StoredRegistryChange> Changes { get; set; } = [];
}
