using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Ledger;

/// <summary>The answer to one key question.</summary>
public readonly record struct KeyQuestionAnswer(string KeyQuestionId, Answer Answer);
