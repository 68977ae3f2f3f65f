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
