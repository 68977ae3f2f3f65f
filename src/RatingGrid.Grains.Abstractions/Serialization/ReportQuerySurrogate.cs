using Orleans.Serialization.Cloning;
using RatingGrid.Domain.Reporting;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>How a <see cref="ReportQuery"/> travels between silos; a period is present when its basis is.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.ReportQuery")]
public readonly record struct ReportQuerySurrogate(
    [property: Id(0)] DateOnly AsOf,
    [property: Id(1)] PeriodBasis? Basis,
    [property: Id(2)] DateOnly From,
    [property: Id(3)] DateOnly To,
    [property: Id(4)] string? RulebookId,
    [property: Id(5)] Rating? Overall,
    [property: Id(6)] string? Region);

/// <summary>Converts report queries for the wire; being immutable, they pass between grains of one silo uncopied.</summary>
[RegisterConverter, RegisterCopier]
public sealed class ReportQuerySurrogateConverter : ShallowCopier<ReportQuery>, IConverter<ReportQuery, ReportQuerySurrogate>
{
    public ReportQuery ConvertFromSurrogate(in ReportQuerySurrogate s) =>
        new(s.AsOf, s.Basis is { } basis ? new ReportPeriod(basis, s.From, s.To) : null, s.RulebookId, s.Overall, s.Region);

    public ReportQuerySurrogate ConvertToSurrogate(in ReportQuery value) =>
        new(value.AsOf, value.Period?.Basis, value.Period?.From ?? default, value.Period?.To ?? default, value.RulebookId, value.Overall, value.Region);
}
