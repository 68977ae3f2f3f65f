using Orleans.Serialization.Cloning;
using RatingGrid.Domain.Registry;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>How a <see cref="Pdu"/> travels between silos.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.Pdu")]
public readonly record struct PduSurrogate([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string Region);

/// <summary>Converts PDUs for the wire; being immutable, they pass between grains of one silo uncopied.</summary>
[RegisterConverter, RegisterCopier]
public sealed class PduSurrogateConverter : ShallowCopier<Pdu>, IConverter<Pdu, PduSurrogate>
{
    public Pdu ConvertFromSurrogate(in PduSurrogate s) => new(s.Id, s.Name, s.Region);

    public PduSurrogate ConvertToSurrogate(in Pdu value) => new(value.Id, value.Name, value.Region);
}
