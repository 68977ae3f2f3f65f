using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Tests;

public sealed class BandingTests
{
    private static readonly Rulebook Rounded = TestRulebooks.Hmip2023;
    private static readonly Rulebook Exact = TestRulebooks.Hmip2023With(j => j["bandingBasis"] = "exactFraction");

    [Theory]
    // yes, applicable, rounded-basis band, exact-basis band
    [InlineData(29, 45, Rating.RequiresImprovement, Rating.RequiresImprovement)] // 64.4% → 64
    [InlineData(42, 65, Rating.Good, Rating.RequiresImprovement)]                // 64.6% → 65
    [InlineData(4, 5, Rating.Outstanding, Rating.Outstanding)]                   // 80% exactly
    [InlineData(13, 20, Rating.Good, Rating.Good)]                               // 65% exactly
    [InlineData(1, 2, Rating.RequiresImprovement, Rating.RequiresImprovement)]   // 50% exactly
    [InlineData(0, 7, Rating.Inadequate, Rating.Inadequate)]                     // 0%
    [InlineData(159, 200, Rating.Outstanding, Rating.Good)]                      // 79.5% → 80
    [InlineData(79, 100, Rating.Good, Rating.Good)]                              // 79%
    [InlineData(129, 200, Rating.Good, Rating.RequiresImprovement)]              // 64.5% → 65
    [InlineData(99, 200, Rating.RequiresImprovement, Rating.Inadequate)]         // 49.5% → 50
    [InlineData(49, 100, Rating.Inadequate, Rating.Inadequate)]                  // 49%
    [InlineData(197, 400, Rating.Inadequate, Rating.Inadequate)]                 // 49.25% → 49
    [InlineData(7, 7, Rating.Outstanding, Rating.Outstanding)]                   // 100%
    public void Bands_on_both_bases(int yes, int applicable, Rating onRounded, Rating onExact)
    {
        Assert.Equal(onRounded, RatingEngine.Band(Rounded, yes, applicable));
        Assert.Equal(onExact, RatingEngine.Band(Exact, yes, applicable));
    }

    [Theory]
    [InlineData(13, 44, 30)]
    [InlineData(29, 45, 64)]
    [InlineData(42, 65, 65)]
    [InlineData(1, 8, 13)]   // 12.5 → 13: half goes up
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(0, 1, 0)]
    [InlineData(1, 1, 100)]
    public void Percentages_round_half_up(int yes, int applicable, int expected) =>
        Assert.Equal(expected, Percent.RoundHalfUp(yes, applicable));

    [Fact]
    public void A_standard_is_banded_by_its_lowest_key_question_through_the_ledger()
    {
        foreach (var (rulebook, expected) in new[] { (Rounded, Rating.Good), (Exact, Rating.RequiresImprovement) })
        {
            var ledger = new InspectionLedger(rulebook);
            // P2.1.E 42/65 (64.6%), D and S all yes: the standard's band is E's band.
            for (var i = 0; i < 65; i++)
            {
                ledger.Apply(Judgements.Case($"c{i}", 1,
                    ("P2.1.E", i < 42 ? Answer.Yes : Answer.No), ("P2.1.D", Answer.Yes), ("P2.1.S", Answer.Yes)));
            }

            var standard = ledger.Results().Standard("P2.1");
            Assert.Equal(expected, standard.Rating);
            Assert.Equal("P2.1.E", standard.DrivenBy);
            Assert.False(standard.IsProvisional);
        }
    }

    [Fact]
    public void Not_applicable_answers_leave_the_denominator()
    {
        var ledger = new InspectionLedger(Rounded);
        var answers = new[] { Answer.Yes, Answer.Yes, Answer.Yes, Answer.No, Answer.NotApplicable, Answer.NotApplicable };
        for (var i = 0; i < answers.Length; i++)
        {
            ledger.Apply(Judgements.Case($"c{i}", 1, ("P2.2.E", answers[i])));
        }

        var kq = ledger.Results().KeyQuestion("P2.2.E");
        Assert.Equal(new AnswerTally(3, 1, 2), kq.Tally);
        Assert.Equal(4, kq.Applicable);
        Assert.Equal(75, kq.RoundedPercent);
        Assert.Equal(75.0, kq.ExactPercent);
    }

    [Fact]
    public void A_key_question_with_no_applicable_case_has_no_percentage_and_makes_its_standard_provisional()
    {
        var ledger = new InspectionLedger(Rounded);
        ledger.Apply(Judgements.Case("c1", 1, ("P2.3.E", Answer.Yes), ("P2.3.D", Answer.No), ("P2.3.S", Answer.NotApplicable)));

        var results = ledger.Results();
        var safety = results.KeyQuestion("P2.3.S");
        Assert.False(safety.HasData);
        Assert.Null(safety.RoundedPercent);
        Assert.Null(safety.ExactPercent);
        var standard = results.Standard("P2.3");
        Assert.Equal(Rating.Inadequate, standard.Rating); // D at 0% is the lowest with data
        Assert.Equal("P2.3.D", standard.DrivenBy);
        Assert.True(standard.IsProvisional);
        Assert.Null(results.Standard("P2.4").Rating); // no key question has data: unrated
    }

    [Fact]
    public void Key_questions_below_the_minimum_of_applicable_cases_do_not_count()
    {
        var rulebook = TestRulebooks.Hmip2023With(j => j["minimumApplicableCases"] = 3);
        var ledger = new InspectionLedger(rulebook);
        ledger.Apply(Judgements.Case("c1", 1, ("P2.1.E", Answer.Yes), ("P2.1.D", Answer.No)));
        ledger.Apply(Judgements.Case("c2", 1, ("P2.1.E", Answer.Yes), ("P2.1.D", Answer.No)));

        var below = ledger.Results();
        Assert.False(below.KeyQuestion("P2.1.E").HasData);
        Assert.Equal(100, below.KeyQuestion("P2.1.E").RoundedPercent); // still reported
        Assert.Null(below.Standard("P2.1").Rating);

        ledger.Apply(Judgements.Case("c3", 1, ("P2.1.E", Answer.Yes), ("P2.1.D", Answer.No)));

        var reached = ledger.Results().Standard("P2.1");
        Assert.Equal(Rating.Inadequate, reached.Rating);
        Assert.Equal("P2.1.D", reached.DrivenBy);
        Assert.True(reached.IsProvisional); // S still has no data
    }

    [Fact]
    public void Equal_percentages_keep_the_first_key_question_as_the_driver()
    {
        var ledger = new InspectionLedger(Rounded);
        ledger.Apply(Judgements.Case("c1", 1, Judgements.All("P2.1", Answer.No)));

        Assert.Equal("P2.1.E", ledger.Results().Standard("P2.1").DrivenBy);
    }
}
