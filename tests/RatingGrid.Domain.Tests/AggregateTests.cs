using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Tests;

public sealed class AggregateTests
{
    private static readonly RulebookCatalog Catalog = new([TestRulebooks.Hmip2023, TestRulebooks.FromTestData("nine-standards.json")]);

    /// <summary>A PDU whose every case answers P2.1.S Yes for the first <paramref name="yes"/> of <paramref name="cases"/>.</summary>
    private static InspectionLedger Pdu(int yes, int cases)
    {
        var ledger = new InspectionLedger(TestRulebooks.Hmip2023);
        for (var i = 0; i < cases; i++)
        {
            ledger.Apply(Judgements.Case($"c{i}", 1, "licence", [new CaseTrait("gender", i % 2 == 0 ? "female" : "male")],
                ("P2.1.S", i < yes ? Answer.Yes : Answer.No)));
        }

        return ledger;
    }

    [Fact]
    public void Redcar_and_two_more_pdus_pool_into_the_hand_computed_regional_percentages()
    {
        var redcar = RedcarCases.Ledger(SharedFixtures.Load("redcar-2025.json").RootElement);
        var aggregate = new Aggregate(Catalog);
        aggregate.Replace(redcar.Standing("redcar", "Redcar, Cleveland and Middlesbrough", "North East", 1));
        aggregate.Replace(Pdu(yes: 20, cases: 30).Standing("durham", "County Durham", "North East", 1));
        aggregate.Replace(Pdu(yes: 9, cases: 10).Standing("gateshead", "Gateshead", "North East", 1));

        var figures = aggregate.Figures(TestRulebooks.Hmip2023.Key);
        var safety = figures.Pooled.KeyQuestions.Single(k => k.KeyQuestionId == "P2.1.S");

        // Redcar 13/44, Durham 20/30, Gateshead 9/10: (13 + 20 + 9) / (44 + 30 + 10) = 42/84 = 50%.
        Assert.Equal(42, safety.Yes);
        Assert.Equal(84, safety.Applicable);
        Assert.Equal(50, safety.RoundedPercent);
        // P2.1.E only Redcar answered: 31/44 = 70%, as published.
        Assert.Equal(70, figures.Pooled.KeyQuestions.Single(k => k.KeyQuestionId == "P2.1.E").RoundedPercent);
        Assert.Equal(3, figures.Pooled.Inspections);
        Assert.Equal(84, figures.Pooled.Cases);
        Assert.Equal(1, figures.Overall.ByRating[Rating.RequiresImprovement]); // Redcar, 5/21
        Assert.Equal(2, figures.Overall.Unrated);                             // the other two are provisional
        // P2.1 is banded per PDU from its lowest key question: Redcar 30% (Inadequate), Durham 20/30 = 67%
        // (Good, from its one answered question), Gateshead 9/10 = 90% (Outstanding).
        Assert.Equal(1, figures.Standards["P2.1"].ByRating[Rating.Inadequate]);
        Assert.Equal(1, figures.Standards["P2.1"].ByRating[Rating.Good]);
        Assert.Equal(1, figures.Standards["P2.1"].ByRating[Rating.Outstanding]);
        Assert.Equal(2, figures.Standards["P1.1"].Unrated);
    }

    [Fact]
    public void A_standing_replaces_the_one_before_and_older_or_repeated_ones_change_nothing()
    {
        var aggregate = new Aggregate(Catalog);
        var first = Pdu(yes: 1, cases: 4).Standing("a", "A", "R", 1);
        var second = Pdu(yes: 3, cases: 4).Standing("a", "A", "R", 2);

        Assert.True(aggregate.Replace(first));
        Assert.True(aggregate.Replace(second));
        Assert.False(aggregate.Replace(first));  // late
        Assert.False(aggregate.Replace(second)); // repeated

        var pooled = aggregate.Figures(TestRulebooks.Hmip2023.Key).Pooled;
        Assert.Equal(1, pooled.Inspections);
        Assert.Equal(3, pooled.KeyQuestions.Single(k => k.KeyQuestionId == "P2.1.S").Yes);
    }

    [Fact]
    public void Figures_are_kept_per_rulebook()
    {
        var aggregate = new Aggregate(Catalog);
        var other = new InspectionLedger(TestRulebooks.FromTestData("nine-standards.json"));
        other.Apply(Judgements.Case("x", 1, "custody", [], ("2.2.a", Answer.Yes)));
        aggregate.Replace(Pdu(yes: 1, cases: 2).Standing("a", "A", "R", 1));
        aggregate.Replace(other.Standing("b", "B", "R", 1));

        Assert.Equal(2, aggregate.Rulebooks.Count);
        Assert.All(aggregate.Rulebooks, key => Assert.Equal(1, aggregate.Figures(key).Pooled.Inspections));
    }
}
