using RatingGrid.Domain.Registry;

namespace RatingGrid.Grains.Registry;

/// <summary>One registry change as stored: plain properties, so that any grain-storage serializer reads it back.</summary>
[GenerateSerializer, Alias("RatingGrid.StoredRegistryChange")]
public sealed class StoredRegistryChange
{
    [Id(0)]
    public RegistryChangeKind Kind { get; set; }

    [Id(1)]
    public string PduId { get; set; } = "";

    [Id(2)]
    public string Name { get; set; } = "";

    [Id(3)]
    public string Region { get; set; } = "";

    [Id(4)]
    public string Actor { get; set; } = "";

    [Id(5)]
    public DateTimeOffset At { get; set; }

    public static StoredRegistryChange From(RegistryChange change) =>
        new() { Kind = change.Kind, PduId = change.PduId, Name = change.Name, Region = change.Region, Actor = change.Actor, At = change.At };

    public RegistryChange ToChange() => new(Kind, PduId, Name, Region, Actor, At);
}
