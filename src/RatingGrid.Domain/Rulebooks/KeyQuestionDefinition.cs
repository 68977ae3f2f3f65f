namespace RatingGrid.Domain.Rulebooks;

/// <summary>One key question of a case-rated standard.</summary>
/// <param name="Index">Position in the rulebook's flat key-question list; tallies are indexed by it.</param>
public sealed record KeyQuestionDefinition(string Id, string Focus, string Wording, string StandardId, int Index);
