namespace RatingGrid.Domain.Rulebooks;

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
