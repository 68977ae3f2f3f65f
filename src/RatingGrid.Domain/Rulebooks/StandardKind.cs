namespace RatingGrid.Domain.Rulebooks;

/// <summary>How a standard gets its rating.</summary>
public enum StandardKind
{
    /// <summary>Inspectors judge it directly and record a rationale.</summary>
    Judged = 0,

    /// <summary>Rated from the key-question answers of inspected cases.</summary>
    CaseRated = 1,
}
