using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Ledger;

// The running tallies of one breakdown; cases hold references to their breakdowns so that
// replacing or withdrawing a case needs no lookups.
internal sealed class BreakdownCounter(BreakdownKey key, int keyQuestionCount)
{
    public BreakdownKey Key { get; } = key;

    public int Cases { get; set; }

    public TallyCounts Counts { get; } = new(keyQuestionCount);
}
