
namespace RatingGrid.Domain.Scoring;

/// <summary>How many cases answered one key question each way.</summary>
public readonly record struct AnswerTally(int Yes, int No, int NotApplicable)
{
    /// <summary>Cases that count in the denominator: Not applicable is left out.</summary>
    public int Applicable => Yes + No;

    /// <summary>This tally with one answer added (<paramref name="delta"/> = 1) or taken away (-1).</summary>
    public AnswerTally Add(Answer answer, int delta) => answer switch
    {
        Answer.Yes => this with { Yes = Yes + delta },
        Answer.No => this with { No = No + delta },
        Answer.NotApplicable => this with { NotApplicable = NotApplicable + delta },
        _ => this,
    };

    public static AnswerTally operator +(AnswerTally a, AnswerTally b) =>
        new(a.Yes + b.Yes, a.No + b.No, a.NotApplicable + b.NotApplicable);
}
