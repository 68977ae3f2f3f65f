using System.Text.Json;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Tests;

/// <summary>Reproduces the published Redcar, Cleveland and Middlesbrough PDU inspection (June 2025).</summary>
public sealed class RedcarFixtureTests
{
    private static readonly JsonElement Fixture = SharedFixtures.Load("redcar-2025.json").RootElement;

    [Fact]
    public void Cases_built_from_the_fixture_have_its_case_mix()
    {
        var cases = RedcarCases.Build(Fixture);
        var counts = cases.GroupBy(c => c.CaseType).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Fixture.GetProperty("cases").GetProperty("community").GetInt32(), counts["community"]);
        Assert.Equal(Fixture.GetProperty("cases").GetProperty("licence").GetInt32(), counts["licence"]);
    }

    [Fact]
    public void Every_published_figure_is_reproduced()
    {
        var ledger = RedcarCases.Ledger(Fixture);

        var results = ledger.Results();

        foreach (var kq in Fixture.GetProperty("key_questions").EnumerateObject())
        {
            var actual = results.KeyQuestion(kq.Name);
            Assert.Equal(kq.Value.GetProperty("yes").GetInt32(), actual.Yes);
            Assert.Equal(kq.Value.GetProperty("applicable").GetInt32(), actual.Applicable);
            Assert.Equal(kq.Value.GetProperty("published_percent").GetInt32(), actual.RoundedPercent);
        }

        var published = Fixture.GetProperty("published");
        foreach (var standard in published.GetProperty("standards").EnumerateObject())
        {
            Assert.Equal(RedcarCases.ParseRating(standard.Value.GetString()!), results.Standard(standard.Name).Rating);
        }

        Assert.Equal(published.GetProperty("score").GetInt32(), results.Overall.Score);
        Assert.Equal(published.GetProperty("max_score").GetInt32(), results.Overall.MaxScore);
        Assert.Equal(RedcarCases.ParseRating(published.GetProperty("overall").GetString()!), results.Overall.Rating);
        Assert.False(results.Overall.IsProvisional);
    }

    [Fact]
    public void Standards_are_driven_by_their_lowest_key_question()
    {
        var results = RedcarCases.Ledger(Fixture).Results();

        // In Redcar the safety question is the lowest of its standard every time (30, 50, 32, 42%).
        Assert.All(
            results.Standards.Where(s => s.Kind == StandardKind.CaseRated),
            s => Assert.Equal(s.StandardId + ".S", s.DrivenBy));
    }
}

/// <summary>Builds 44 case judgements whose answers give exactly the fixture's counts.</summary>
internal static class RedcarCases
{
    public static Rating ParseRating(string published) => published switch
    {
        "Outstanding" => Rating.Outstanding,
        "Good" => Rating.Good,
        "Requires improvement" => Rating.RequiresImprovement,
        "Inadequate" => Rating.Inadequate,
        _ => throw new ArgumentException($"Unknown published rating '{published}'.", nameof(published)),
    };

    public static IReadOnlyList<CaseJudgement> Build(JsonElement fixture)
    {
        var community = fixture.GetProperty("cases").GetProperty("community").GetInt32();
        var total = community + fixture.GetProperty("cases").GetProperty("licence").GetInt32();
        var keyQuestions = fixture.GetProperty("key_questions").EnumerateObject()
            .Select(p => (Id: p.Name, Yes: p.Value.GetProperty("yes").GetInt32(), Applicable: p.Value.GetProperty("applicable").GetInt32()))
            .ToList();

        return [.. Enumerable.Range(0, total).Select(i => new CaseJudgement(
            $"redcar-{i + 1:D2}",
            1,
            i < community ? "community" : "licence",
            [new CaseTrait("gender", i % 5 == 0 ? "female" : "male")],
            // Case i answers Yes while i is below the yes count, Not applicable once past the
            // applicable count (the last case for P2.4), and No in between.
            [.. keyQuestions.Select(kq => new KeyQuestionAnswer(kq.Id,
                i < kq.Yes ? Answer.Yes : i < kq.Applicable ? Answer.No : Answer.NotApplicable))]))];
    }

    public static InspectionLedger Ledger(JsonElement fixture)
    {
        var ledger = new InspectionLedger(RulebookCatalog.BuiltIn.Get(new RulebookKey(fixture.GetProperty("rulebook").GetString()!, 1)));
        foreach (var judgement in Build(fixture))
        {
            Assert.Equal(ChangeOutcome.Applied, ledger.Apply(judgement));
        }

        foreach (var judged in fixture.GetProperty("organisational").EnumerateObject())
        {
            ledger.SetJudgedRating(judged.Name, ParseRating(judged.Value.GetString()!), "As published in the inspection report.");
        }

        return ledger;
    }
}
