using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Tests;

/// <summary>Nothing about the 2023 framework is hard-coded: a different framework rates by its own data.</summary>
public sealed class SecondRulebookTests
{
    private static readonly Rulebook NineStandards = TestRulebooks.FromTestData("nine-standards.json");

    private static CaseJudgement Case(int i, string caseType, params (string, Answer)[] answers) =>
        Judgements.Case($"c{i}", 1, caseType, [], answers);

    [Fact]
    public void A_nine_standard_framework_rates_by_its_own_bands_points_and_table()
    {
        var ledger = new InspectionLedger(NineStandards);
        foreach (var standard in new[] { "1.1", "1.2", "1.3", "1.4" })
        {
            ledger.SetJudgedRating(standard, Rating.RequiresImprovement, "Test evidence.");
        }

        // 2.1: a 17/20 = 85%, b 14/20 = 70%: b drives, Good (70-84 here).
        // 2.2: 16/20 = 80%: Good here, though Outstanding under the 2023 bands.
        // 2.3: lowest of four is d 8/20 = 40%: Requires improvement here, Inadequate under 2023.
        // 2.4: 20/20: Outstanding. 3.1: one applicable case, below this framework's minimum of 2: unrated.
        for (var i = 0; i < 20; i++)
        {
            ledger.Apply(Case(i, i % 3 == 0 ? "custody" : "community",
                ("2.1.a", i < 17 ? Answer.Yes : Answer.No), ("2.1.b", i < 14 ? Answer.Yes : Answer.No),
                ("2.2.a", i < 16 ? Answer.Yes : Answer.No),
                ("2.3.a", Answer.Yes), ("2.3.b", Answer.Yes), ("2.3.c", Answer.Yes), ("2.3.d", i < 8 ? Answer.Yes : Answer.No),
                ("2.4.a", Answer.Yes),
                ("3.1.a", i == 0 ? Answer.No : Answer.NotApplicable)));
        }

        var partial = ledger.Results();
        Assert.Equal(Rating.Good, partial.Standard("2.1").Rating);
        Assert.Equal("2.1.b", partial.Standard("2.1").DrivenBy);
        Assert.Equal(Rating.Good, partial.Standard("2.2").Rating);
        Assert.Equal(Rating.RequiresImprovement, partial.Standard("2.3").Rating);
        Assert.Equal("2.3.d", partial.Standard("2.3").DrivenBy);
        Assert.Equal(Rating.Outstanding, partial.Standard("2.4").Rating);
        Assert.Null(partial.Standard("3.1").Rating);
        Assert.Equal(27, partial.Overall.MaxScore);
        Assert.Equal(4 + 2 + 2 + 1 + 3, partial.Overall.Score);
        Assert.Equal(15, partial.Overall.HighestReachableScore);
        Assert.Equal([Rating.RequiresImprovement, Rating.Good], partial.Overall.PossibleRatings); // 12..15 over 5-13 / 14-22

        ledger.Apply(Case(20, "licence", ("3.1.a", Answer.No)));

        var final = ledger.Results();
        Assert.Equal(Rating.Inadequate, final.Standard("3.1").Rating);
        Assert.False(final.Overall.IsProvisional);
        Assert.Equal(12, final.Overall.Score);
        // 12 of 27 is Requires improvement; the same 12 would be Good on the 2023 table (11-17 of 21).
        Assert.Equal(Rating.RequiresImprovement, final.Overall.Rating);
        Assert.Equal(Rating.Good, TestRulebooks.Hmip2023.OverallRatingFor(12));
    }

    [Fact]
    public void The_exact_basis_of_the_test_framework_applies()
    {
        // 69.5% is Requires improvement on the exact basis, though it rounds to 70.
        Assert.Equal(Rating.RequiresImprovement, Scoring.RatingEngine.Band(NineStandards, 139, 200));
        Assert.Equal(Rating.Good, Scoring.RatingEngine.Band(NineStandards, 140, 200));
    }

    [Fact]
    public void Its_own_case_types_are_the_only_ones_accepted()
    {
        var ledger = new InspectionLedger(NineStandards);

        Assert.Equal(ChangeOutcome.Applied, ledger.Apply(Case(1, "custody", ("2.2.a", Answer.Yes))));
        var refused = Assert.Throws<InvalidChangeException>(() => ledger.Apply(Case(2, "community", ("P2.1.E", Answer.Yes))));
        Assert.Equal("answers[0].key_question_id", Assert.Single(refused.Violations).Field);
    }
}
