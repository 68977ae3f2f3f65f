using Orleans.Serialization.Cloning;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>How an inspection's <see cref="InspectionResults"/> travel between silos (the wire shape of the former ResultsView).</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.ResultsView")]
public readonly record struct InspectionResultsSurrogate(
    [property: Id(0)] string RulebookId,
    [property: Id(1)] int RulebookVersion,
    [property: Id(2)] int Cases,
    [property: Id(3)] IReadOnlyList<KeyQuestionResult> KeyQuestions,
    [property: Id(4)] IReadOnlyList<StandardResult> Standards,
    [property: Id(5)] OverallResult Overall);

/// <summary>Converts results for the wire; being immutable, they pass between grains of one silo uncopied.</summary>
[RegisterConverter, RegisterCopier]
public sealed class InspectionResultsSurrogateConverter : ShallowCopier<InspectionResults>, IConverter<InspectionResults, InspectionResultsSurrogate>
{
    public InspectionResults ConvertFromSurrogate(in InspectionResultsSurrogate s) =>
        new(new RulebookKey(s.RulebookId, s.RulebookVersion), s.KeyQuestions, s.Standards, s.Overall) { Cases = s.Cases };

    public InspectionResultsSurrogate ConvertToSurrogate(in InspectionResults value) =>
        new(value.Rulebook.Id, value.Rulebook.Version, value.Cases, value.KeyQuestions, value.Standards, value.Overall);
}
