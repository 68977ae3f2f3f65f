using RatingGrid.Domain.Registry;

namespace RatingGrid.Grains.Abstractions.Registry;

/// <summary>The registry at a version that goes up with every change; immutable.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.RegistryView")]
public sealed record RegistryView(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<string> Regions,
    [property: Id(2)] IReadOnlyList<Pdu> Pdus,
    [property: Id(3)] IReadOnlyList<RegistryChange> Changes)
{
    public Pdu? Find(string pduId) => Pdus.FirstOrDefault(p => p.Id == pduId);
}
