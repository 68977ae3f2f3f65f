namespace RatingGrid.Dashboard.Feeds;

/// <summary>The kinds of trouble a page shows differently.</summary>
public enum ProblemKind
{
    NotFound,
    Refused,
    Invalid,
    Unreachable,
}
