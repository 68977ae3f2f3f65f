using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Scoring;

/// <summary>Every figure of one inspection under its rulebook.</summary>
/// <remarks><see cref="Cases"/> is set by whoever knows it (the ledger); the rating engine sees only tallies.</remarks>
public sealed record InspectionResults(
    RulebookKey Rulebook,
    IReadOnlyList<KeyQuestionResult> KeyQuestions,
    IReadOnlyList<StandardResult> Standards,
    OverallResult Overall)
{
    /// <summary>Cases counted (withdrawn ones are not).</summary>
    public int Cases { get; init; }

    public KeyQuestionResult KeyQuestion(string id) => KeyQuestions.First(k => k.KeyQuestionId == id);

    public StandardResult Standard(string id) => Standards.First(s => s.StandardId == id);
}
