using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Grains;

/// <summary>Per-key-question counts, in rulebook order.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.TallyData")]
public sealed record TallyData([property: Id(0)] int[] Yes, [property: Id(1)] int[] No, [property: Id(2)] int[] NotApplicable)
{
    public static TallyData From(IReadOnlyList<AnswerTally> tallies) =>
        new([.. tallies.Select(t => t.Yes)], [.. tallies.Select(t => t.No)], [.. tallies.Select(t => t.NotApplicable)]);

    public AnswerTally[] ToDomain() => [.. Yes.Select((yes, i) => new AnswerTally(yes, No[i], NotApplicable[i]))];
}

/// <summary>One breakdown slice's counts.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.SliceData")]
public sealed record SliceData([property: Id(0)] string Dimension, [property: Id(1)] string Value, [property: Id(2)] int Cases, [property: Id(3)] TallyData Tallies);

/// <summary>A standard's rating within a summary; null while unrated.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.StandardRatingEntry")]
public sealed record StandardRatingEntry([property: Id(0)] string StandardId, [property: Id(1)] Rating? Rating);

/// <summary>
/// An inspection's versioned summary, as it publishes it to its region and the region to the nation.
/// A newer version replaces an older one; an older or equal one is ignored, so repeats are harmless.
/// </summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.InspectionSummary")]
public sealed record InspectionSummary(
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
    [property: Id(11)] IReadOnlyList<SliceData> Slices,
    [property: Id(12)] DateTimeOffset ChangedAt)
{
    public static InspectionSummary From(Standing standing, DateTimeOffset changedAt) => new(
        standing.InspectionId,
        standing.PduName,
        standing.Region,
        standing.Rulebook.Id,
        standing.Rulebook.Version,
        standing.Version,
        [.. standing.StandardRatings.Select(s => new StandardRatingEntry(s.Key, s.Value))],
        standing.Overall,
        standing.Score,
        standing.Tallies.Cases,
        TallyData.From(standing.Tallies.KeyQuestions),
        [.. standing.Tallies.Breakdowns.Select(b => new SliceData(b.Key.Dimension, b.Key.Value, b.Value.Cases, TallyData.From(b.Value.KeyQuestions)))],
        changedAt);

    public Standing ToDomain() => new(
        InspectionId,
        PduName,
        Region,
        new RulebookKey(RulebookId, RulebookVersion),
        Version,
        Standards.ToDictionary(s => s.StandardId, s => s.Rating, StringComparer.Ordinal),
        Overall,
        Score,
        new TallySnapshot(new RulebookKey(RulebookId, RulebookVersion), Cases, Tallies.ToDomain(),
            Slices.ToDictionary(s => new BreakdownKey(s.Dimension, s.Value), s => new BreakdownTally(s.Cases, s.Tallies.ToDomain()))));
}

/// <summary>Counts of inspections by rating, and how many are unrated (or, for the overall, provisional).</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.RatingCountsView")]
public sealed record RatingCountsView([property: Id(0)] IReadOnlyList<int> ByRating, [property: Id(1)] int Unrated)
{
    /// <summary>Index i counts <see cref="Rating"/> i (Inadequate first).</summary>
    public static RatingCountsView From(RatingCounts counts) => new([.. RatingNames.Scale.Select(r => counts.ByRating[r])], counts.Unrated);
}

/// <summary>A region's or the nation's figures under one rulebook.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.AggregateFiguresView")]
public sealed record AggregateFiguresView(
    [property: Id(0)] string RulebookId,
    [property: Id(1)] int RulebookVersion,
    [property: Id(2)] int Inspections,
    [property: Id(3)] int Cases,
    [property: Id(4)] IReadOnlyList<KeyQuestionView> KeyQuestions,
    [property: Id(5)] IReadOnlyList<BreakdownView> Breakdowns,
    [property: Id(6)] RatingCountsView Overall,
    [property: Id(7)] IReadOnlyList<(string StandardId, RatingCountsView Counts)> Standards)
{
    public static AggregateFiguresView From(AggregateFigures figures) => new(
        figures.Rulebook.Id,
        figures.Rulebook.Version,
        figures.Pooled.Inspections,
        figures.Pooled.Cases,
        [.. figures.Pooled.KeyQuestions.Select(KeyQuestionView.From)],
        [.. figures.Pooled.Breakdowns.Select(b => new BreakdownView(b.Key.Dimension, b.Key.Value, b.Cases, [.. b.KeyQuestions.Select(KeyQuestionView.From)], []))],
        RatingCountsView.From(figures.Overall),
        [.. figures.Standards.Select(s => (s.Key, RatingCountsView.From(s.Value)))]);
}

/// <summary>A region's or the nation's view: figures per rulebook, at a version that goes up with every change.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.AggregateView")]
public sealed record AggregateView(
    [property: Id(0)] string Key,
    [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<AggregateFiguresView> Rulebooks);

/// <summary>
/// Pools inspection summaries: keyed <c>region/{name}</c> for a region, <c>nation</c> for the nation.
/// Inspections publish to their region, regions forward to the nation; nobody waits for it.
/// </summary>
public interface IAggregateGrain : IGrainWithStringKey
{
    public const string Nation = "nation";

    public static string RegionKey(string region) => $"region/{region}";

    /// <summary>
    /// How long a publisher waits for <see cref="PublishAsync"/> before publishing again: several of
    /// the aggregate's coalesced writes (one per 2 s), yet short beside a test's or a dashboard's patience.
    /// </summary>
    public static readonly TimeSpan PublicationTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Takes newer summaries, ignores older or repeated ones. Retry: safe.</summary>
    Task PublishAsync(IReadOnlyList<InspectionSummary> summaries);

    /// <summary>Figures for every rulebook held, at the current version.</summary>
    Task<AggregateView> GetAsync();

    /// <summary>Every inspection's newest summary held here.</summary>
    Task<IReadOnlyList<InspectionSummary>> ListAsync();

    /// <summary>One inspection's newest summary held here, or null.</summary>
    Task<InspectionSummary?> GetSummaryAsync(string inspectionId);

    /// <summary>The figures once their version exceeds <paramref name="afterVersion"/>, or null after <paramref name="timeout"/>.</summary>
    Task<AggregateView?> WaitForChangeAsync(long afterVersion, TimeSpan timeout);
}
