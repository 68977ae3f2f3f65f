namespace RatingGrid.Domain.Scoring;

/// <summary>An inspector's answer to one key question for one case.</summary>
public enum Answer
{
    /// <summary>Not set: a judgement carrying it is refused.</summary>
    Unspecified = 0,
    Yes = 1,
    No = 2,
    NotApplicable = 3,
}
