using RatingGrid.Domain.Ledger;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>How a <see cref="CaseTrait"/> travels between silos (the wire shape of the former TraitInput).</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.Trait")]
public readonly record struct CaseTraitSurrogate([property: Id(0)] string Name, [property: Id(1)] string Value);

[RegisterConverter]
public sealed class CaseTraitSurrogateConverter : IConverter<CaseTrait, CaseTraitSurrogate>
{
    public CaseTrait ConvertFromSurrogate(in CaseTraitSurrogate surrogate) => new(surrogate.Name, surrogate.Value);

    public CaseTraitSurrogate ConvertToSurrogate(in CaseTrait value) => new(value.Name, value.Value);
}
