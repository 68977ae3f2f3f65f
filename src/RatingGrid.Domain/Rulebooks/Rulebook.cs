using System.Collections.Frozen;

namespace RatingGrid.Domain.Rulebooks;

/// <summary>
/// A validated rating framework: standards, key questions, bands, points. Only
/// <see cref="RulebookLoader"/> builds one, so every instance has passed validation.
/// </summary>
public sealed class Rulebook
{
    private readonly FrozenDictionary<string, KeyQuestionDefinition> _keyQuestionsById;
    private readonly FrozenDictionary<string, StandardDefinition> _standardsById;
    private readonly FrozenSet<string> _caseTypes;
    private readonly int[] _points;

    internal Rulebook(
        RulebookKey key,
        string title,
        IReadOnlyList<string> caseTypes,
        IReadOnlyList<StandardDefinition> standards,
        IReadOnlyList<CaseBand> caseBands,
        BandingBasis bandingBasis,
        int minimumApplicableCases,
        IReadOnlyDictionary<Rating, int> points,
        IReadOnlyList<OverallBand> overallBands)
    {
        Key = key;
        Title = title;
        CaseTypes = caseTypes;
        Standards = standards;
        KeyQuestions = [.. standards.SelectMany(s => s.KeyQuestions)];
        // Highest threshold first, so banding is "the first band whose lower edge is reached".
        CaseBands = [.. caseBands.OrderByDescending(b => b.FromPercent)];
        BandingBasis = bandingBasis;
        MinimumApplicableCases = minimumApplicableCases;
        Points = points;
        OverallBands = [.. overallBands.OrderBy(b => b.FromScore)];
        _points = [.. RatingNames.Scale.Select(r => points[r])];
        MaxScore = standards.Count * _points.Max();
        MinPoints = _points.Min();
        MaxPoints = _points.Max();
        _keyQuestionsById = KeyQuestions.ToFrozenDictionary(k => k.Id, StringComparer.Ordinal);
        _standardsById = standards.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        _caseTypes = caseTypes.ToFrozenSet(StringComparer.Ordinal);
    }

    public RulebookKey Key { get; }

    public string Id => Key.Id;

    public int Version => Key.Version;

    public string Title { get; }

    /// <summary>The case types a judgement may carry (for HMIP: community, licence).</summary>
    public IReadOnlyList<string> CaseTypes { get; }

    public IReadOnlyList<StandardDefinition> Standards { get; }

    /// <summary>Every key question of every case-rated standard, in rulebook order.</summary>
    public IReadOnlyList<KeyQuestionDefinition> KeyQuestions { get; }

    /// <summary>Case bands, highest first.</summary>
    public IReadOnlyList<CaseBand> CaseBands { get; }

    public BandingBasis BandingBasis { get; }

    /// <summary>The fewest applicable cases a key question needs before it counts.</summary>
    public int MinimumApplicableCases { get; }

    public IReadOnlyDictionary<Rating, int> Points { get; }

    /// <summary>Overall bands, lowest score first; together they cover 0..<see cref="MaxScore"/> exactly.</summary>
    public IReadOnlyList<OverallBand> OverallBands { get; }

    public int MaxScore { get; }

    internal int MinPoints { get; }

    internal int MaxPoints { get; }

    public int PointsFor(Rating rating) => _points[(int)rating];

    public bool TryGetKeyQuestion(string id, out KeyQuestionDefinition keyQuestion) =>
        _keyQuestionsById.TryGetValue(id, out keyQuestion!);

    public bool TryGetStandard(string id, out StandardDefinition standard) =>
        _standardsById.TryGetValue(id, out standard!);

    public bool IsCaseType(string caseType) => _caseTypes.Contains(caseType);

    /// <summary>The overall rating for a score; every score in 0..MaxScore has exactly one.</summary>
    public Rating OverallRatingFor(int score)
    {
        foreach (var band in OverallBands)
        {
            if (score >= band.FromScore && score <= band.ToScore)
            {
                return band.Rating;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(score), score, $"Score must lie in 0..{MaxScore} for {Key}.");
    }
}
