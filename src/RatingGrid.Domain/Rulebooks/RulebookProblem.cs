namespace RatingGrid.Domain.Rulebooks;

/// <summary>One thing wrong with a rulebook, located by a JSON path such as <c>$.caseBands[2].from</c>.</summary>
public sealed record RulebookProblem(string Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>A rulebook failed validation; it lists every problem found, not just the first.</summary>
public sealed class RulebookValidationException : Exception
{
    public RulebookValidationException(string source, IReadOnlyList<RulebookProblem> problems)
        : base($"Rulebook '{source}' is invalid ({problems.Count} problem(s)):{Environment.NewLine}"
               + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
    {
        Source = source;
        Problems = problems;
    }

    public new string Source { get; }

    public IReadOnlyList<RulebookProblem> Problems { get; }
}
