using Orleans.Serialization.Cloning;
using RatingGrid.Domain.Ledger;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>How a <see cref="FieldViolation"/> travels between silos (the wire shape of the former Violation).</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.Violation")]
public readonly record struct FieldViolationSurrogate([property: Id(0)] string Field, [property: Id(1)] string Description);

/// <summary>Converts field violations for the wire; being immutable, they pass between grains of one silo uncopied.</summary>
[RegisterConverter, RegisterCopier]
public sealed class FieldViolationSurrogateConverter : ShallowCopier<FieldViolation>, IConverter<FieldViolation, FieldViolationSurrogate>
{
    public FieldViolation ConvertFromSurrogate(in FieldViolationSurrogate surrogate) => new(surrogate.Field, surrogate.Description);

    public FieldViolationSurrogate ConvertToSurrogate(in FieldViolation value) => new(value.Field, value.Description);
}
