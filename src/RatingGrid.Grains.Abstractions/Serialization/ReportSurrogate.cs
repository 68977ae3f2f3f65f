using Orleans.Serialization.Cloning;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Reporting;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>How a <see cref="Report"/> travels between silos.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.Report")]
public readonly record struct ReportSurrogate(
    [property: Id(0)] IReadOnlyList<AggregateFigures> Rulebooks,
    [property: Id(1)] IReadOnlyList<Standing> Inspections);

/// <summary>Converts reports for the wire; being immutable, they pass between grains of one silo uncopied.</summary>
[RegisterConverter, RegisterCopier]
public sealed class ReportSurrogateConverter : ShallowCopier<Report>, IConverter<Report, ReportSurrogate>
{
    public Report ConvertFromSurrogate(in ReportSurrogate s) => new(s.Rulebooks, s.Inspections);

    public ReportSurrogate ConvertToSurrogate(in Report value) => new(value.Rulebooks, value.Inspections);
}
