using Orleans.Serialization.Cloning;
using RatingGrid.Domain.Records;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>How a <see cref="PublishedReport"/> travels between silos and is stored in a standing.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.PublishedReport")]
public readonly record struct PublishedReportSurrogate(
    [property: Id(0)] Rating Overall,
    [property: Id(1)] IReadOnlyList<StandardRatingEntry> Standards,
    [property: Id(2)] IReadOnlyList<PublishedKeyQuestionData> KeyQuestions,
    [property: Id(3)] int? Score,
    [property: Id(4)] int? Cases,
    [property: Id(5)] StatedDatesData? Fieldwork,
    [property: Id(6)] StatedDatesData Published,
    [property: Id(7)] string SourceUrl,
    [property: Id(8)] IReadOnlyList<string> Sources,
    [property: Id(9)] string Notes);

/// <summary>A published key-question figure: part of a published report's wire shape.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.PublishedKeyQuestion")]
public sealed record PublishedKeyQuestionData([property: Id(0)] string KeyQuestionId, [property: Id(1)] int Percent, [property: Id(2)] int? Yes, [property: Id(3)] int? Applicable);

/// <summary>Stated dates: part of a published report's wire shape.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.StatedDates")]
public sealed record StatedDatesData([property: Id(0)] string AsStated, [property: Id(1)] DateOnly? Earliest, [property: Id(2)] DateOnly? Latest)
{
    public StatedDates ToDomain() => new(AsStated, Earliest, Latest);

    public static StatedDatesData? From(StatedDates? dates) => dates is null ? null : new(dates.AsStated, dates.Earliest, dates.Latest);
}

/// <summary>Converts published reports for the wire; being immutable, they pass between grains of one silo uncopied.</summary>
[RegisterConverter, RegisterCopier]
public sealed class PublishedReportSurrogateConverter : ShallowCopier<PublishedReport>, IConverter<PublishedReport, PublishedReportSurrogate>
{
    public PublishedReport ConvertFromSurrogate(in PublishedReportSurrogate s) => new(
        s.Overall,
        s.Standards.Where(e => e.Rating is not null).ToDictionary(e => e.StandardId, e => e.Rating!.Value, StringComparer.Ordinal),
        [.. s.KeyQuestions.Select(k => new PublishedKeyQuestion(k.KeyQuestionId, k.Percent, k.Yes, k.Applicable))],
        s.Score,
        s.Cases,
        s.Fieldwork?.ToDomain(),
        s.Published.ToDomain(),
        s.SourceUrl,
        s.Sources,
        s.Notes);

    public PublishedReportSurrogate ConvertToSurrogate(in PublishedReport value) => new(
        value.Overall,
        [.. value.Standards.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new StandardRatingEntry(s.Key, s.Value))],
        [.. value.KeyQuestions.Select(k => new PublishedKeyQuestionData(k.KeyQuestionId, k.Percent, k.Yes, k.Applicable))],
        value.Score,
        value.Cases,
        StatedDatesData.From(value.Fieldwork),
        StatedDatesData.From(value.Published)!,
        value.SourceUrl,
        value.Sources,
        value.Notes);
}
