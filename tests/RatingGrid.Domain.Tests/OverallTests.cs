using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Tests;

public sealed class OverallTests
{
    private static InspectionLedger Judged(Rulebook rulebook, Rating p11, Rating p12, Rating p13)
    {
        var ledger = new InspectionLedger(rulebook);
        ledger.SetJudgedRating("P1.1", p11, "Leadership evidence.");
        ledger.SetJudgedRating("P1.2", p12, "Staffing evidence.");
        ledger.SetJudgedRating("P1.3", p13, "Services evidence.");
        return ledger;
    }

    private static void RateFromCases(InspectionLedger ledger, Answer answer, params string[] standards)
    {
        foreach (var standard in standards)
        {
            ledger.Apply(Judgements.Case($"case-{standard}", 1, Judgements.All(standard, answer)));
        }
    }

    [Fact]
    public void With_no_standard_rated_every_overall_rating_is_possible()
    {
        var overall = new InspectionLedger(TestRulebooks.Hmip2023).Results().Overall;

        Assert.True(overall.IsProvisional);
        Assert.Null(overall.Rating);
        Assert.Equal(0, overall.Score);
        Assert.Equal(0, overall.LowestReachableScore);
        Assert.Equal(21, overall.HighestReachableScore);
        Assert.Equal([Rating.Inadequate, Rating.RequiresImprovement, Rating.Good, Rating.Outstanding], overall.PossibleRatings);
    }

    [Fact]
    public void With_three_standards_rated_the_range_spans_the_four_unrated()
    {
        var overall = Judged(TestRulebooks.Hmip2023, Rating.Good, Rating.RequiresImprovement, Rating.RequiresImprovement).Results().Overall;

        Assert.True(overall.IsProvisional);
        Assert.Equal(4, overall.Score);
        Assert.Equal(4, overall.LowestReachableScore);   // four more Inadequate
        Assert.Equal(16, overall.HighestReachableScore); // four more Outstanding
        Assert.Equal([Rating.RequiresImprovement, Rating.Good], overall.PossibleRatings);
    }

    [Theory]
    // judged ratings, the answer given on P2.1–P2.3, score so far, lowest, highest, possible overall ratings
    [InlineData(Rating.Good, Answer.No, 6, 6, 9, new[] { Rating.RequiresImprovement })]
    [InlineData(Rating.Good, Answer.Yes, 15, 15, 18, new[] { Rating.Good, Rating.Outstanding })]
    [InlineData(Rating.Inadequate, Answer.No, 0, 0, 3, new[] { Rating.Inadequate })]
    public void With_six_standards_rated_one_standard_decides_what_is_left(
        Rating judged, Answer answer, int score, int lowest, int highest, Rating[] possible)
    {
        var ledger = Judged(TestRulebooks.Hmip2023, judged, judged, judged);
        RateFromCases(ledger, answer, "P2.1", "P2.2", "P2.3");

        var overall = ledger.Results().Overall;

        Assert.True(overall.IsProvisional);
        Assert.Null(overall.Rating);
        Assert.Equal(score, overall.Score);
        Assert.Equal(lowest, overall.LowestReachableScore);
        Assert.Equal(highest, overall.HighestReachableScore);
        Assert.Equal(possible, overall.PossibleRatings);
    }

    [Fact]
    public void With_every_standard_rated_the_overall_is_final()
    {
        var ledger = Judged(TestRulebooks.Hmip2023, Rating.Good, Rating.Good, Rating.Good);
        RateFromCases(ledger, Answer.Yes, "P2.1", "P2.2", "P2.3", "P2.4");

        var overall = ledger.Results().Overall;

        Assert.False(overall.IsProvisional);
        Assert.Equal(18, overall.Score);
        Assert.Equal(Rating.Outstanding, overall.Rating);
        Assert.Equal([Rating.Outstanding], overall.PossibleRatings);
    }

    [Theory]
    [InlineData(3, Rating.Inadequate, Rating.Inadequate)]
    [InlineData(4, Rating.RequiresImprovement, Rating.Inadequate)]
    [InlineData(5, Rating.RequiresImprovement, Rating.RequiresImprovement)]
    [InlineData(10, Rating.RequiresImprovement, Rating.RequiresImprovement)]
    [InlineData(11, Rating.Good, Rating.Good)]
    [InlineData(16, Rating.Good, Rating.Good)]
    [InlineData(17, Rating.Good, Rating.Outstanding)]
    [InlineData(18, Rating.Outstanding, Rating.Outstanding)]
    public void The_overall_band_table_is_a_setting(int score, Rating sixths, Rating candidate)
    {
        var candidateTable = TestRulebooks.Hmip2023With(j => j["overallBands"] = System.Text.Json.Nodes.JsonNode.Parse("""
            [ { "rating": "Inadequate", "from": 0, "to": 4 }, { "rating": "RequiresImprovement", "from": 5, "to": 10 },
              { "rating": "Good", "from": 11, "to": 16 }, { "rating": "Outstanding", "from": 17, "to": 21 } ]
            """));

        Assert.Equal(sixths, TestRulebooks.Hmip2023.OverallRatingFor(score));
        Assert.Equal(candidate, candidateTable.OverallRatingFor(score));
    }

    [Fact]
    public void Reachable_scores_follow_the_points_scale_exactly()
    {
        // Points 0/2/3/5: one unrated standard can add 0, 2, 3 or 5 but never 1, so a band that
        // holds only score 1 is not possible although it lies between the lowest and highest.
        var rulebook = TestRulebooks.Hmip2023With(j =>
        {
            j["points"] = System.Text.Json.Nodes.JsonNode.Parse("""{ "Inadequate": 0, "RequiresImprovement": 2, "Good": 3, "Outstanding": 5 }""");
            j["overallBands"] = System.Text.Json.Nodes.JsonNode.Parse("""
                [ { "rating": "Inadequate", "from": 0, "to": 0 }, { "rating": "RequiresImprovement", "from": 1, "to": 1 },
                  { "rating": "Good", "from": 2, "to": 29 }, { "rating": "Outstanding", "from": 30, "to": 35 } ]
                """);
        });
        var ledger = Judged(rulebook, Rating.Inadequate, Rating.Inadequate, Rating.Inadequate);
        RateFromCases(ledger, Answer.No, "P2.1", "P2.2", "P2.3");

        var overall = ledger.Results().Overall;

        Assert.Equal(0, overall.LowestReachableScore);
        Assert.Equal(5, overall.HighestReachableScore);
        Assert.Equal([Rating.Inadequate, Rating.Good], overall.PossibleRatings);
    }
}
