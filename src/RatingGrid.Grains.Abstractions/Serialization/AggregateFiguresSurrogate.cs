using Orleans.Serialization.Cloning;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>How a region's or the nation's <see cref="AggregateFigures"/> under one rulebook travel between silos.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.AggregateFiguresView")]
public readonly record struct AggregateFiguresSurrogate(
    [property: Id(0)] string RulebookId,
    [property: Id(1)] int RulebookVersion,
    [property: Id(2)] int Inspections,
    [property: Id(3)] int Cases,
    [property: Id(4)] IReadOnlyList<KeyQuestionResult> KeyQuestions,
    [property: Id(5)] IReadOnlyList<PooledBreakdown> Breakdowns,
    [property: Id(6)] RatingCounts Overall,
    [property: Id(7)] IReadOnlyDictionary<string, RatingCounts> Standards,
    [property: Id(8)] int CurrentPdus,
    [property: Id(9)] RatingCounts CurrentOverall,
    [property: Id(10)] IReadOnlyDictionary<string, RatingCounts> CurrentStandards);

/// <summary>Converts aggregate figures for the wire; being immutable, they pass between grains of one silo uncopied.</summary>
[RegisterConverter, RegisterCopier]
public sealed class AggregateFiguresSurrogateConverter : ShallowCopier<AggregateFigures>, IConverter<AggregateFigures, AggregateFiguresSurrogate>
{
    public AggregateFigures ConvertFromSurrogate(in AggregateFiguresSurrogate s)
    {
        var rulebook = new RulebookKey(s.RulebookId, s.RulebookVersion);
        return new AggregateFigures(rulebook, new PooledFigures(rulebook, s.Inspections, s.Cases, s.KeyQuestions, s.Breakdowns), s.Overall, s.Standards,
            new CurrentPicture(s.CurrentPdus, s.CurrentOverall, s.CurrentStandards));
    }

    public AggregateFiguresSurrogate ConvertToSurrogate(in AggregateFigures value) =>
        new(value.Rulebook.Id, value.Rulebook.Version, value.Pooled.Inspections, value.Pooled.Cases,
            value.Pooled.KeyQuestions, value.Pooled.Breakdowns, value.Overall, value.Standards,
            value.Current.Pdus, value.Current.Overall, value.Current.Standards);
}
