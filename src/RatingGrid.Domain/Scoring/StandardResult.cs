using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Scoring;

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
