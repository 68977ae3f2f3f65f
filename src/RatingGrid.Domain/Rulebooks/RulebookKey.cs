namespace RatingGrid.Domain.Rulebooks;

/// <summary>Identifies one version of one rulebook; inspections keep the rulebook they were opened with.</summary>
public readonly record struct RulebookKey(string Id, int Version)
{
    public override string ToString() => $"{Id} v{Version}";
}
