using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Statistics;

/// <summary>Headroom on a rulebook's case bands, in closed form (integers only, like the banding itself).</summary>
public static class Headroom
{
    /// <summary>For one key question's tally; none without an applicable case (it has no band to move from).</summary>
    public static BandHeadroom Of(Rulebook rulebook, AnswerTally tally)
    {
        if (tally.Applicable == 0)
        {
            return BandHeadroom.None;
        }

        var band = BandOf(rulebook, tally);
        return new BandHeadroom(
            Above(rulebook, band) is { } next ? YesToReach(rulebook, tally, next.FromPercent) : null,
            band.FromPercent > 0 ? NoToFallBelow(rulebook, tally, band.FromPercent) : null);
    }

    /// <summary>
    /// For a case-rated standard rated from <paramref name="keyQuestions"/> (those with data): lifting
    /// it takes every one of them into the next band, so it is counted in further cases answering
    /// yes to each (the most any one needs); lowering it takes one of them below its band (the
    /// fewest any one needs).
    /// </summary>
    public static BandHeadroom OfStandard(Rulebook rulebook, StandardResult standard, IEnumerable<KeyQuestionResult> keyQuestions)
    {
        var rated = keyQuestions.Where(k => k.HasData && k.StandardId == standard.StandardId).ToList();
        if (standard.Rating is not { } rating || rated.Count == 0)
        {
            return BandHeadroom.None;
        }

        var band = rulebook.CaseBands.First(b => b.Rating == rating);
        var lift = Above(rulebook, band) is { } next
            ? rated.Select(k => YesToReach(rulebook, k.Tally, next.FromPercent)).Aggregate((int?)0, (most, k) => most is null || k is null ? null : Math.Max(most.Value, k.Value))
            : null;
        var lower = band.FromPercent > 0 ? rated.Min(k => NoToFallBelow(rulebook, k.Tally, band.FromPercent)) : null;
        return new BandHeadroom(lift, lower);
    }

    /// <summary>Further yes answers until yes ÷ applicable reaches <paramref name="threshold"/>% on the rulebook's basis (0 if it already does).</summary>
    public static int? YesToReach(Rulebook rulebook, AnswerTally tally, int threshold)
    {
        long y = tally.Yes, a = tally.Applicable;
        if (rulebook.BandingBasis == BandingBasis.RoundedWholePercent)
        {
            // round(100·y'/a') >= t  <=>  200·y' >= (2t - 1)·a'; with y' = y + k, a' = a + k:
            // k·(201 - 2t) >= (2t - 1)·a - 200·y.
            var need = ((2 * threshold) - 1) * a - (200 * y);
            var gain = 201 - (2 * threshold);
            return need <= 0 ? 0 : gain <= 0 ? null : Checked(CeilDiv(need, gain));
        }

        // 100·y' >= t·a'  <=>  k·(100 - t) >= t·a - 100·y.
        var exactNeed = (threshold * a) - (100 * y);
        var exactGain = 100 - threshold;
        return exactNeed <= 0 ? 0 : exactGain <= 0 ? null : Checked(CeilDiv(exactNeed, exactGain));
    }

    /// <summary>Further no answers until yes ÷ applicable falls below <paramref name="threshold"/>% on the rulebook's basis (0 if it already has).</summary>
    public static int? NoToFallBelow(Rulebook rulebook, AnswerTally tally, int threshold)
    {
        if (threshold <= 0)
        {
            return null; // nothing falls below 0%
        }

        long y = tally.Yes, a = tally.Applicable;
        // Rounded: round(100·y/a') < t  <=>  200·y < (2t - 1)·a'.  Exact: 100·y < t·a'.
        var (scaledYes, per) = rulebook.BandingBasis == BandingBasis.RoundedWholePercent ? (200 * y, (2L * threshold) - 1) : (100 * y, (long)threshold);
        if (scaledYes < per * a)
        {
            return 0;
        }

        // Smallest a' with per·a' > scaledYes is floor(scaledYes / per) + 1.
        return Checked((scaledYes / per) + 1 - a);
    }

    private static CaseBand BandOf(Rulebook rulebook, AnswerTally tally)
    {
        var rating = RatingEngine.Band(rulebook, tally.Yes, tally.Applicable);
        return rulebook.CaseBands.First(b => b.Rating == rating);
    }

    // Case bands are held highest first: the band above is the one before this in the list.
    private static CaseBand? Above(Rulebook rulebook, CaseBand band)
    {
        var index = rulebook.CaseBands.ToList().IndexOf(band);
        return index > 0 ? rulebook.CaseBands[index - 1] : null;
    }

    private static long CeilDiv(long numerator, long denominator) => (numerator + denominator - 1) / denominator;

    private static int? Checked(long count) => count <= int.MaxValue ? (int)count : null;
}
