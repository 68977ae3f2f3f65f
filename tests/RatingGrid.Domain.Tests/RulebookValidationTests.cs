using System.Text.Json.Nodes;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Tests;

public sealed class RulebookValidationTests
{
    public static TheoryData<string, Action<JsonObject>, string, string> BrokenRulebooks => new()
    {
        { "missing id", j => j.Remove("id"), "$.id", "is required" },
        { "version below 1", j => j["version"] = 0, "$.version", "at least 1" },
        { "duplicate standard id", j => j["standards"]![4]!["id"] = "P2.1", "$.standards[4].id", "duplicate standard id 'P2.1' (first at $.standards[3])" },
        { "duplicate key question id", j => j["standards"]![4]!["keyQuestions"]![0]!["id"] = "P2.1.E", "$.standards[4].keyQuestions[0].id", "duplicate key question id 'P2.1.E'" },
        { "unknown way of rating", j => j["standards"]![0]!["rated"] = "vibes", "$.standards[0].rated", "must be 'judged' or 'cases'" },
        { "judged standard with key questions", j => j["standards"]![0]!["keyQuestions"] = new JsonArray(new JsonObject { ["id"] = "X", ["focus"] = "f", ["wording"] = "w" }), "$.standards[0].keyQuestions", "a judged standard has no key questions" },
        { "case-rated standard without key questions", j => j["standards"]![3]!.AsObject().Remove("keyQuestions"), "$.standards[3].keyQuestions", "needs at least one key question" },
        { "blank key question wording", j => j["standards"]![5]!["keyQuestions"]![2]!["wording"] = " ", "$.standards[5].keyQuestions[2].wording", "must not be blank" },
        { "overlapping case bands", j => j["caseBands"]![1]!["to"] = 80, "$.caseBands[0]", "overlaps $.caseBands[1]: percentages 80..80" },
        { "gap between case bands", j => j["caseBands"]![2]!["to"] = 63, "$.caseBands[1]", "gap: percentages 64..64 are in no band" },
        { "case band above 100", j => j["caseBands"]![0]!["to"] = 101, "$.caseBands[0]", "falls outside the percentage range 0..100" },
        { "case bands not reaching 0", j => j["caseBands"]![3]!["from"] = 1, "$.caseBands[3]", "gap: percentages 0..0 are in no band" },
        { "case band from above to", j => j["caseBands"]![1]!["from"] = 90, "$.caseBands[1]", "'from' 90 is above 'to' 79" },
        { "rating with two case bands", j => j["caseBands"]![1]!["rating"] = "Outstanding", "$.caseBands[1].rating", "Outstanding already has a band at $.caseBands[0]" },
        { "unknown rating", j => j["caseBands"]![1]!["rating"] = "Excellent", "$.caseBands[1].rating", "'Excellent' is not a rating" },
        { "bands in the wrong order", j => { j["caseBands"]![0]!["rating"] = "Good"; j["caseBands"]![1]!["rating"] = "Outstanding"; }, "$.caseBands[0]", "out of order: Good for higher percentages than Outstanding" },
        { "unknown banding basis", j => j["bandingBasis"] = "ceiling", "$.bandingBasis", "must be 'roundedWholePercent' or 'exactFraction'" },
        { "minimum cases below 1", j => j["minimumApplicableCases"] = 0, "$.minimumApplicableCases", "at least 1" },
        { "missing points", j => j["points"]!.AsObject().Remove("Good"), "$.points.Good", "is missing" },
        { "negative points", j => j["points"]!["Inadequate"] = -1, "$.points.Inadequate", "must not be negative" },
        { "points not rising with the rating", j => j["points"]!["Good"] = 1, "$.points.Good", "Good must score more than RequiresImprovement" },
        { "points for an unknown rating", j => j["points"]!["Superb"] = 4, "$.points.Superb", "'Superb' is not a rating" },
        { "overall table short of the maximum", j => j["overallBands"]![3]!["to"] = 20, "$.overallBands[3]", "gap: scores 21..21 are in no band" },
        { "overall table past the maximum", j => j["overallBands"]![3]!["to"] = 22, "$.overallBands[3]", "falls outside the score range 0..21" },
        { "overall bands overlapping", j => j["overallBands"]![1]!["from"] = 3, "$.overallBands[1]", "overlaps $.overallBands[0]: scores 3..3 are in both" },
        { "points that no longer fit the table", j => j["points"]!["Outstanding"] = 4, "$.overallBands[3]", "gap: scores 22..28 are in no band" },
        { "no case types", j => j["caseTypes"] = new JsonArray(), "$.caseTypes", "at least one case type" },
        { "duplicate case type", j => j["caseTypes"]!.AsArray().Add("licence"), "$.caseTypes[2]", "duplicate case type 'licence'" },
        { "misspelt member", j => j["minimumApplicablecases"] = 2, "$.minimumApplicablecases", "is not a rulebook member (misspelt?)" },
    };

    [Theory]
    [MemberData(nameof(BrokenRulebooks))]
    public void Each_broken_rulebook_gets_its_own_located_error(string kind, Action<JsonObject> breakIt, string location, string message)
    {
        var json = TestRulebooks.Hmip2023JsonWith(breakIt);

        var refused = Assert.Throws<RulebookValidationException>(() => RulebookLoader.Parse(json, kind));

        Assert.Contains(refused.Problems, p => p.Location == location && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var json = TestRulebooks.Hmip2023JsonWith(j =>
        {
            j["version"] = -1;
            j["caseBands"]![0]!["to"] = 101;
            j["points"]!["Good"] = -2;
        });

        var refused = Assert.Throws<RulebookValidationException>(() => RulebookLoader.Parse(json, "three problems"));

        Assert.Equal(["$.version", "$.caseBands[0]", "$.points.Good"], refused.Problems.Select(p => p.Location));
        Assert.Contains("three problems", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_names_its_line()
    {
        var refused = Assert.Throws<RulebookValidationException>(() => RulebookLoader.Parse("{\n  \"id\": \"x\",\n  \"version\": \"one\"\n}", "bad.json"));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("$.version", problem.Location);
        Assert.Contains("line 3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_rulebook_holds_the_documented_defaults()
    {
        var rulebook = TestRulebooks.Hmip2023;

        Assert.Equal(new RulebookKey("hmip-pdu-2023", 1), rulebook.Key);
        Assert.Equal(7, rulebook.Standards.Count);
        Assert.Equal(12, rulebook.KeyQuestions.Count);
        Assert.Equal([80, 65, 50, 0], rulebook.CaseBands.Select(b => b.FromPercent));
        Assert.Equal(BandingBasis.RoundedWholePercent, rulebook.BandingBasis);
        Assert.Equal(1, rulebook.MinimumApplicableCases);
        Assert.Equal(21, rulebook.MaxScore);
        Assert.Equal([3, 10, 17, 21], rulebook.OverallBands.Select(b => b.ToScore));
    }
}
