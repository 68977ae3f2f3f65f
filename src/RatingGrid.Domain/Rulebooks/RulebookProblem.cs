namespace RatingGrid.Domain.Rulebooks;

/// <summary>One thing wrong with a rulebook, located by a JSON path such as <c>$.caseBands[2].from</c>.</summary>
public sealed record RulebookProblem(string Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
