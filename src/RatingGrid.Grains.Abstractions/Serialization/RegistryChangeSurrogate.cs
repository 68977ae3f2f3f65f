using Orleans.Serialization.Cloning;
using RatingGrid.Domain.Registry;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>How a <see cref="RegistryChange"/> travels between silos and is stored in the registry's state.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.RegistryChange")]
public readonly record struct RegistryChangeSurrogate(
    [property: Id(0)] RegistryChangeKind Kind,
    [property: Id(1)] string PduId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Region,
    [property: Id(4)] string Actor,
    [property: Id(5)] DateTimeOffset At);

/// <summary>Converts registry changes for the wire; being immutable, they pass between grains of one silo uncopied.</summary>
[RegisterConverter, RegisterCopier]
public sealed class RegistryChangeSurrogateConverter : ShallowCopier<RegistryChange>, IConverter<RegistryChange, RegistryChangeSurrogate>
{
    public RegistryChange ConvertFromSurrogate(in RegistryChangeSurrogate s) => new(s.Kind, s.PduId, s.Name, s.Region, s.Actor, s.At);

    public RegistryChangeSurrogate ConvertToSurrogate(in RegistryChange value) => new(value.Kind, value.PduId, value.Name, value.Region, value.Actor, value.At);
}
