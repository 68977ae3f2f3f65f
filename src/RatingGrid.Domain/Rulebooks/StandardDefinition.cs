namespace RatingGrid.Domain.Rulebooks;

/// <summary>One standard of a rulebook.</summary>
public sealed record StandardDefinition(string Id, string Name, StandardKind Kind, IReadOnlyList<KeyQuestionDefinition> KeyQuestions);
