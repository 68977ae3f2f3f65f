using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Ledger;

// What the ledger holds for one case: its latest revision, and the breakdowns that revision counts in.
internal sealed class CaseEntry(CaseJudgement judgement, Answer[] answers, BreakdownCounter[] breakdowns)
{
    public CaseJudgement Judgement { get; private set; } = judgement;

    /// <summary>Answers indexed like the rulebook's key questions; Unspecified where not answered.</summary>
    public Answer[] Answers { get; private set; } = answers;

    public BreakdownCounter[] Breakdowns { get; private set; } = breakdowns;

    public long Revision { get; private set; } = judgement.Revision;

    /// <summary>Withdrawn cases stay as tombstones so that a late, lower revision cannot bring them back.</summary>
    public bool IsWithdrawn { get; private set; }

    public void Replace(CaseJudgement judgement, Answer[] answers, BreakdownCounter[] breakdowns)
    {
        Judgement = judgement;
        Answers = answers;
        Breakdowns = breakdowns;
        Revision = judgement.Revision;
        IsWithdrawn = false;
    }

    public void Withdraw(long revision)
    {
        Revision = revision;
        IsWithdrawn = true;
    }
}
