namespace RatingGrid.Domain.Rulebooks;

/// <summary>One key question of a case-rated standard.</summary>
/// <param name="Index">Position in the rulebook's flat key-question list; tallies are indexed by it.</param>
public sealed record KeyQuestionDefinition(string Id, string Focus, string Wording, string StandardId, int Index);

/// <summary>One standard of a rulebook.</summary>
public sealed record StandardDefinition(string Id, string Name, StandardKind Kind, IReadOnlyList<KeyQuestionDefinition> KeyQuestions);

/// <summary>A case band: the rating given when the lowest key-question percentage lies in [From, To].</summary>
public sealed record CaseBand(Rating Rating, int FromPercent, int ToPercent);

/// <summary>An overall band: the overall rating given to scores in [From, To].</summary>
public sealed record OverallBand(Rating Rating, int FromScore, int ToScore);

/// <summary>Identifies one version of one rulebook; inspections keep the rulebook they were opened with.</summary>
public readonly record struct RulebookKey(string Id, int Version)
{
    public override string ToString() => $"{Id} v{Version}";
}
