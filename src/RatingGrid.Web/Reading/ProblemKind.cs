namespace RatingGrid.Web.Reading;

/// <summary>The kinds of trouble a page shows differently.</summary>
public enum ProblemKind
{
    NotFound,
    Refused,
    Invalid,
    Unreachable,

    /// <summary>No token, or an expired one: the person is sent to sign in (again).</summary>
    SignInNeeded,
}
