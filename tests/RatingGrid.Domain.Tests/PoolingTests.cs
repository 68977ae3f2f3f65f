using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Tests;

public sealed class PoolingTests
{
    private static InspectionLedger Inspection(params (int Yes, int No, string Gender)[] groups)
    {
        var ledger = new InspectionLedger(TestRulebooks.Hmip2023);
        var n = 0;
        foreach (var (yes, no, gender) in groups)
        {
            for (var i = 0; i < yes + no; i++)
            {
                ledger.Apply(Judgements.Case($"c{n++}", 1, "community", [new CaseTrait("gender", gender)], ("P2.1.S", i < yes ? Answer.Yes : Answer.No)));
            }
        }

        return ledger;
    }

    [Fact]
    public void Pooled_percentages_are_summed_counts_not_averaged_percentages()
    {
        var small = Inspection((1, 1, "female"));    // 1/2 = 50%
        var large = Inspection((9, 1, "male"));      // 9/10 = 90%

        var pooled = TallyPool.Pool(TestRulebooks.Hmip2023, [small.Snapshot(), large.Snapshot()]);

        var safety = pooled.KeyQuestions.Single(k => k.KeyQuestionId == "P2.1.S");
        Assert.Equal(10, safety.Yes);
        Assert.Equal(12, safety.Applicable);
        Assert.Equal(83, safety.RoundedPercent); // 10/12, where the mean of percentages would be 70
        Assert.Equal(2, pooled.Inspections);
        Assert.Equal(12, pooled.Cases);
        var female = pooled.Breakdowns.Single(b => b.Key == new BreakdownKey("gender", "female"));
        Assert.Equal(50, female.KeyQuestions.Single(k => k.KeyQuestionId == "P2.1.S").RoundedPercent);
    }

    [Fact]
    public void Replacing_one_inspection_moves_the_pool_by_the_difference()
    {
        var a = Inspection((3, 1, "female"));
        var b = Inspection((1, 3, "male"));
        var pool = new TallyPool(TestRulebooks.Hmip2023);
        pool.Add(a.Snapshot());
        pool.Add(b.Snapshot());

        var before = b.Snapshot();
        b.Apply(Judgements.Case("c0", 2, "community", [new CaseTrait("gender", "female")], ("P2.1.S", Answer.No)));
        pool.Subtract(before);
        pool.Add(b.Snapshot());

        var expected = TallyPool.Pool(TestRulebooks.Hmip2023, [a.Snapshot(), b.Snapshot()]);
        var actual = pool.Figures();
        Assert.Equal(expected.KeyQuestions, actual.KeyQuestions);
        Assert.Equal(expected.Breakdowns.Select(s => (s.Key, s.Cases)), actual.Breakdowns.Select(s => (s.Key, s.Cases)));
    }

    [Fact]
    public void Different_frameworks_are_never_pooled()
    {
        var other = new InspectionLedger(TestRulebooks.FromTestData("nine-standards.json"));

        var refused = Assert.Throws<ArgumentException>(() => TallyPool.Pool(TestRulebooks.Hmip2023, [other.Snapshot()]));

        Assert.Contains("never pooled", refused.Message, StringComparison.Ordinal);
    }
}
