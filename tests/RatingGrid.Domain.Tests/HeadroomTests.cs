using System.Text.Json;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;
using RatingGrid.Domain.Statistics;

namespace RatingGrid.Domain.Tests;

/// <summary>
/// Headroom is computed in closed form; these tests hold it to a brute-force search: add answers one
/// at a time and rate again with the engine until the band moves.
/// </summary>
public sealed class HeadroomTests
{
    private static readonly JsonElement Redcar = SharedFixtures.Load("redcar-2025.json").RootElement;
    private static readonly Rulebook Rounded = TestRulebooks.Hmip2023;
    private static readonly Rulebook Exact = TestRulebooks.Hmip2023With(j => j["bandingBasis"] = "exactFraction");
    private static readonly int BaseSeed = int.TryParse(Environment.GetEnvironmentVariable("RATINGGRID_SEED"), out var seed) ? seed : 20261201;

    public static TheoryData<string> Bases => ["rounded", "exact"];

    [Theory]
    [MemberData(nameof(Bases))]
    public void Every_Redcar_key_question_matches_a_brute_force_search(string basis)
    {
        var rulebook = basis == "rounded" ? Rounded : Exact;
        var results = RedcarCases.Ledger(Redcar).Results();

        foreach (var kq in results.KeyQuestions)
        {
            Assert.True(SearchKeyQuestion(rulebook, kq.Tally) == Headroom.Of(rulebook, kq.Tally), $"{kq.KeyQuestionId} ({kq.Yes}/{kq.Applicable}, {basis})");
        }
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public void Every_Redcar_standard_matches_adding_cases_to_the_inspection_and_rating_it_again(string basis)
    {
        var rulebook = basis == "rounded" ? Rounded : Exact;
        var cases = RedcarCases.Build(Redcar);
        var results = Rate(rulebook, cases, []);

        foreach (var standard in results.Standards.Where(s => s.Kind == StandardKind.CaseRated))
        {
            var expected = new BandHeadroom(
                SearchStandard(rulebook, cases, standard, Answer.Yes, rating => rating > standard.Rating!.Value),
                SearchStandard(rulebook, cases, standard, Answer.No, rating => rating < standard.Rating!.Value));
            Assert.True(expected == Headroom.OfStandard(rulebook, standard, results.KeyQuestions), $"{standard.StandardId} ({standard.Rating}, {basis}): expected {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public void Random_tallies_match_a_brute_force_search(string basis)
    {
        var rulebook = basis == "rounded" ? Rounded : Exact;
        var random = new Random(BaseSeed);
        for (var i = 0; i < 3_000; i++)
        {
            var applicable = random.Next(0, 150);
            var yes = random.Next(0, applicable + 1);
            var tally = new AnswerTally(yes, applicable - yes, random.Next(0, 5));
            Assert.True(SearchKeyQuestion(rulebook, tally) == Headroom.Of(rulebook, tally), $"seed {BaseSeed}: {yes}/{applicable} ({basis})");
        }
    }

    [Fact]
    public void The_top_band_cannot_be_lifted_nor_the_bottom_lowered_and_no_case_has_no_headroom()
    {
        Assert.Null(Headroom.Of(Rounded, new AnswerTally(10, 0, 0)).YesToLift);
        Assert.Null(Headroom.Of(Rounded, new AnswerTally(0, 10, 0)).NoToLower);
        Assert.Equal(BandHeadroom.None, Headroom.Of(Rounded, new AnswerTally(0, 0, 4)));
        // 29 of 45 (64.4%, published 64): one more yes makes 30 of 46 = 65.2%, Good.
        Assert.Equal(1, Headroom.Of(Rounded, new AnswerTally(29, 16, 0)).YesToLift);
    }

    private static BandHeadroom SearchKeyQuestion(Rulebook rulebook, AnswerTally tally)
    {
        if (tally.Applicable == 0)
        {
            return BandHeadroom.None;
        }

        var band = RatingEngine.Band(rulebook, tally.Yes, tally.Applicable);
        int? lift = null, lower = null;
        for (var k = 1; k <= 100_000 && lift is null && band != TopRating(rulebook); k++)
        {
            lift = RatingEngine.Band(rulebook, tally.Yes + k, tally.Applicable + k) > band ? k : null;
        }

        for (var k = 1; k <= 100_000 && lower is null && band != BottomRating(rulebook); k++)
        {
            lower = RatingEngine.Band(rulebook, tally.Yes, tally.Applicable + k) < band ? k : null;
        }

        return new BandHeadroom(lift, lower);
    }

    // Adds k further cases answering every key question of the standard one way (and nothing else),
    // rates the whole inspection again, and returns the first k whose rating moves as wanted.
    private static int? SearchStandard(Rulebook rulebook, IReadOnlyList<CaseJudgement> cases, StandardResult standard, Answer answer, Func<Rating, bool> moved)
    {
        for (var k = 1; k <= 400; k++)
        {
            var extra = Enumerable.Range(0, k).Select(i => Judgements.Case($"extra-{i}", 1, Judgements.All(standard.StandardId, answer))).ToList();
            if (Rate(rulebook, cases, extra).Standard(standard.StandardId).Rating is { } rating && moved(rating))
            {
                return k;
            }
        }

        return null;
    }

    private static InspectionResults Rate(Rulebook rulebook, IEnumerable<CaseJudgement> cases, IEnumerable<CaseJudgement> extra)
    {
        var ledger = new InspectionLedger(rulebook);
        foreach (var judgement in cases.Concat(extra))
        {
            ledger.Apply(judgement);
        }

        return ledger.Results();
    }

    private static Rating TopRating(Rulebook rulebook) => rulebook.CaseBands[0].Rating;

    private static Rating BottomRating(Rulebook rulebook) => rulebook.CaseBands[^1].Rating;
}
