using Orleans.Serialization.Cloning;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>How a <see cref="StandardResult"/> travels between silos.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.StandardView")]
public readonly record struct StandardResultSurrogate(
    [property: Id(0)] string StandardId,
    [property: Id(1)] string Name,
    [property: Id(2)] StandardKind Kind,
    [property: Id(3)] Rating? Rating,
    [property: Id(4)] int? Points,
    [property: Id(5)] bool IsProvisional,
    [property: Id(6)] string? DrivenBy,
    [property: Id(7)] string? Rationale);

/// <summary>Converts standard ratings for the wire; being immutable, they pass between grains of one silo uncopied.</summary>
[RegisterConverter, RegisterCopier]
public sealed class StandardResultSurrogateConverter : ShallowCopier<StandardResult>, IConverter<StandardResult, StandardResultSurrogate>
{
    public StandardResult ConvertFromSurrogate(in StandardResultSurrogate s) =>
        new(s.StandardId, s.Name, s.Kind, s.Rating, s.Points, s.IsProvisional, s.DrivenBy, s.Rationale);

    public StandardResultSurrogate ConvertToSurrogate(in StandardResult value) =>
        new(value.StandardId, value.Name, value.Kind, value.Rating, value.Points, value.IsProvisional, value.DrivenBy, value.Rationale);
}
