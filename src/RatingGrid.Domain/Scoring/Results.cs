using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Scoring;

/// <summary>One key question's figures.</summary>
/// <param name="HasData">Whether it has at least the rulebook's minimum of applicable cases and so counts towards its standard.</param>
/// <param name="ExactPercent">yes ÷ applicable × 100; null when no case is applicable.</param>
/// <param name="RoundedPercent">The published whole percentage (rounded half up); null when no case is applicable.</param>
public sealed record KeyQuestionResult(
    string KeyQuestionId,
    string StandardId,
    AnswerTally Tally,
    bool HasData,
    double? ExactPercent,
    int? RoundedPercent)
{
    public int Yes => Tally.Yes;

    public int Applicable => Tally.Applicable;
}

/// <summary>One standard's rating.</summary>
/// <param name="Rating">Null while the standard is unrated.</param>
/// <param name="IsProvisional">Rated from only some of its key questions, because the others have no data yet.</param>
/// <param name="DrivenBy">For a case-rated standard, the key question with the lowest percentage, whose band is the rating.</param>
/// <param name="Rationale">For a judged standard, the inspectors' rationale.</param>
public sealed record StandardResult(
    string StandardId,
    string Name,
    StandardKind Kind,
    Rating? Rating,
    int? Points,
    bool IsProvisional,
    string? DrivenBy,
    string? Rationale)
{
    public bool IsRated => Rating is not null;
}

/// <summary>The overall rating, or while any standard is unrated, what it can still become.</summary>
/// <param name="Score">Points of the rated standards so far.</param>
/// <param name="Rating">The overall rating; null while provisional.</param>
/// <param name="PossibleRatings">Overall ratings some completion of the unrated standards reaches, worst first.</param>
public sealed record OverallResult(
    int Score,
    int MaxScore,
    Rating? Rating,
    bool IsProvisional,
    int LowestReachableScore,
    int HighestReachableScore,
    IReadOnlyList<Rating> PossibleRatings);

/// <summary>Every figure of one inspection under its rulebook.</summary>
public sealed record InspectionResults(
    RulebookKey Rulebook,
    IReadOnlyList<KeyQuestionResult> KeyQuestions,
    IReadOnlyList<StandardResult> Standards,
    OverallResult Overall)
{
    public KeyQuestionResult KeyQuestion(string id) => KeyQuestions.First(k => k.KeyQuestionId == id);

    public StandardResult Standard(string id) => Standards.First(s => s.StandardId == id);
}

/// <summary>A judged standard's rating with the inspectors' rationale.</summary>
public sealed record JudgedRating(Rating Rating, string Rationale);
