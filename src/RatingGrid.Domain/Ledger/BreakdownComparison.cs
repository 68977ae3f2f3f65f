namespace RatingGrid.Domain.Ledger;

// Whether two revisions of a case count in the same breakdowns, so that replacing one with the
// other can keep the breakdown counters it already holds.
internal static class BreakdownComparison
{
    // Same case type and the same traits, in any order (validation rules out repeated names).
    // Index loops, not foreach: enumerating an IReadOnlyList allocates, and this runs on every change.
    public static bool Same(CaseJudgement a, CaseJudgement b)
    {
        var (mine, theirs) = (a.Traits, b.Traits);
        if (a.CaseType != b.CaseType || mine.Count != theirs.Count)
        {
            return false;
        }

        for (var i = 0; i < mine.Count; i++)
        {
            if (!HasTrait(theirs, mine[i], i))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasTrait(IReadOnlyList<CaseTrait> traits, CaseTrait trait, int likelyAt)
    {
        // Revisions usually list traits in the same order, so look where it was first.
        if (likelyAt < traits.Count && traits[likelyAt] == trait)
        {
            return true;
        }

        for (var j = 0; j < traits.Count; j++)
        {
            if (traits[j] == trait)
            {
                return true;
            }
        }

        return false;
    }
}
