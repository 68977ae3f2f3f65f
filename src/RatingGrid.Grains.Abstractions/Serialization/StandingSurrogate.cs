using Orleans.Serialization.Cloning;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Records;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains.Abstractions.Serialization;

/// <summary>
/// How a <see cref="Standing"/> travels between silos and is stored by aggregates (the wire shape of
/// the former InspectionSummary, so that figures stored before keep reading).
/// </summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.InspectionSummary")]
public readonly record struct StandingSurrogate(
    [property: Id(0)] string InspectionId,
    [property: Id(1)] string PduName,
    [property: Id(2)] string Region,
    [property: Id(3)] string RulebookId,
    [property: Id(4)] int RulebookVersion,
    [property: Id(5)] long Version,
    [property: Id(6)] IReadOnlyList<StandardRatingEntry> Standards,
    [property: Id(7)] Rating? Overall,
    [property: Id(8)] int Score,
    [property: Id(9)] int Cases,
    [property: Id(10)] TallyData Tallies,
    [property: Id(11)] IReadOnlyList<BreakdownTallyData> Breakdowns,
    [property: Id(12)] DateTimeOffset ChangedAt,
    // Kept since the current picture counts PDUs: absent (null) in standings stored before.
    [property: Id(13)] string? PduId,
    [property: Id(14)] DateOnly? FieldworkStart,
    [property: Id(15)] DateOnly? FieldworkEnd,
    // Kept since figures are split by publication: absent (open, never published) in standings stored before.
    [property: Id(16)] InspectionStatus Status,
    [property: Id(17)] DateTimeOffset? PublishedAt,
    // Kept since counts say which ratings are provisional: absent (none) in standings stored before.
    [property: Id(18)] IReadOnlyList<string>? ProvisionalStandards,
    // Kept since inspections are recorded from published reports: absent for inspections rated here.
    [property: Id(19)] PublishedReport? Report = null,
    [property: Id(20)] IReadOnlyList<string>? NotPublishedStandards = null);

/// <summary>Converts standings for the wire and for storage; being immutable, they pass between grains of one silo uncopied.</summary>
[RegisterConverter, RegisterCopier]
public sealed class StandingSurrogateConverter : ShallowCopier<Standing>, IConverter<Standing, StandingSurrogate>
{
    public Standing ConvertFromSurrogate(in StandingSurrogate s)
    {
        var rulebook = new RulebookKey(s.RulebookId, s.RulebookVersion);
        var breakdowns = new Dictionary<BreakdownKey, BreakdownTally>(s.Breakdowns.Count);
        foreach (var b in s.Breakdowns)
        {
            breakdowns[new BreakdownKey(b.Dimension, b.Value)] = new BreakdownTally(b.Cases, b.Tallies.ToTallies());
        }

        var standards = new Dictionary<string, Rating?>(s.Standards.Count, StringComparer.Ordinal);
        foreach (var standard in s.Standards)
        {
            standards[standard.StandardId] = standard.Rating;
        }

        return new Standing(s.InspectionId, s.PduName, s.Region, rulebook, s.Version, standards, s.Overall, s.Score,
            new TallySnapshot(rulebook, s.Cases, s.Tallies.ToTallies(), breakdowns), s.ChangedAt,
            s.PduId ?? "", s.FieldworkStart is { } start && s.FieldworkEnd is { } end ? new Fieldwork(start, end) : null, s.Status, s.PublishedAt,
            s.ProvisionalStandards is { Count: > 0 } provisional ? provisional.ToHashSet(StringComparer.Ordinal) : null,
            s.Report,
            s.NotPublishedStandards is { Count: > 0 } notPublished ? notPublished.ToHashSet(StringComparer.Ordinal) : null);
    }

    public StandingSurrogate ConvertToSurrogate(in Standing value) =>
        new(value.InspectionId, value.PduName, value.Region, value.Rulebook.Id, value.Rulebook.Version, value.Version,
            [.. value.StandardRatings.Select(s => new StandardRatingEntry(s.Key, s.Value))],
            value.Overall, value.Score, value.Tallies.Cases, TallyData.From(value.Tallies.KeyQuestions),
            [.. value.Tallies.Breakdowns.Select(b => new BreakdownTallyData(b.Key.Dimension, b.Key.Value, b.Value.Cases, TallyData.From(b.Value.KeyQuestions)))],
            value.ChangedAt, value.PduId, value.Fieldwork?.Start, value.Fieldwork?.End, value.Status, value.PublishedAt,
            value.ProvisionalStandards is { Count: > 0 } provisional ? [.. provisional.Order(StringComparer.Ordinal)] : null,
            value.Report,
            value.NotPublishedStandards is { Count: > 0 } notPublished ? [.. notPublished.Order(StringComparer.Ordinal)] : null);
}
