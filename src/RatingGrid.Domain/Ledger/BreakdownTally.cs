namespace RatingGrid.Domain.Ledger;

// The running tallies of one breakdown slice; cases hold references to their slices so that
// replacing or withdrawing a case needs no lookups.
internal sealed class BreakdownTally(BreakdownKey key, int keyQuestionCount)
{
    public BreakdownKey Key { get; } = key;

    public int Cases { get; set; }

    public TallyCounts Counts { get; } = new(keyQuestionCount);
}
