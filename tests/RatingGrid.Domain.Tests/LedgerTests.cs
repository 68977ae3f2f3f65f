using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Tests;

public sealed class LedgerTests
{
    private readonly InspectionLedger _ledger = new(TestRulebooks.Hmip2023);

    private AnswerTally Tally(string keyQuestion) => _ledger.Results().KeyQuestion(keyQuestion).Tally;

    [Fact]
    public void A_higher_revision_replaces_the_case_whole()
    {
        _ledger.Apply(Judgements.Case("c1", 1, ("P2.1.E", Answer.Yes), ("P2.1.D", Answer.Yes)));

        var outcome = _ledger.Apply(Judgements.Case("c1", 2, ("P2.1.E", Answer.No)));

        Assert.Equal(ChangeOutcome.Applied, outcome);
        Assert.Equal(new AnswerTally(0, 1, 0), Tally("P2.1.E"));
        Assert.Equal(default, Tally("P2.1.D")); // not answered in revision 2, so no longer counted
        Assert.Equal(1, _ledger.CaseCount);
    }

    [Fact]
    public void The_same_revision_with_the_same_content_is_a_harmless_duplicate()
    {
        var traits = new[] { new CaseTrait("gender", "female"), new CaseTrait("grade", "PO") };
        _ledger.Apply(Judgements.Case("c1", 3, "licence", traits, ("P2.2.S", Answer.No)));
        var before = _ledger.Results();

        var outcome = _ledger.Apply(Judgements.Case("c1", 3, "licence", [.. traits.Reverse()], ("P2.2.S", Answer.No)));

        Assert.Equal(ChangeOutcome.Duplicate, outcome);
        Assert.Equal(before.KeyQuestions, _ledger.Results().KeyQuestions);
    }

    [Theory]
    [InlineData("licence", "female", Answer.Yes)]   // other answer
    [InlineData("community", "male", Answer.No)]    // other case type
    [InlineData("licence", "male", Answer.No)]      // other trait value
    public void The_same_revision_with_other_content_is_a_refused_conflict(string caseType, string gender, Answer answer)
    {
        _ledger.Apply(Judgements.Case("c1", 3, "licence", [new CaseTrait("gender", "female")], ("P2.2.S", Answer.No)));

        var outcome = _ledger.Apply(Judgements.Case("c1", 3, caseType, [new CaseTrait("gender", gender)], ("P2.2.S", answer)));

        Assert.Equal(ChangeOutcome.Conflict, outcome);
        Assert.Equal(new AnswerTally(0, 1, 0), Tally("P2.2.S"));
        Assert.Equal(1, _ledger.Breakdown(new BreakdownKey("gender", "female")).Cases);
    }

    [Fact]
    public void A_lower_revision_is_stale_and_changes_nothing()
    {
        _ledger.Apply(Judgements.Case("c1", 5, ("P2.3.E", Answer.Yes)));

        Assert.Equal(ChangeOutcome.Stale, _ledger.Apply(Judgements.Case("c1", 4, ("P2.3.E", Answer.No))));
        Assert.Equal(new AnswerTally(1, 0, 0), Tally("P2.3.E"));
    }

    [Fact]
    public void A_malformed_judgement_is_refused_whole_with_every_violation_named()
    {
        _ledger.Apply(Judgements.Case("c1", 1, ("P2.1.E", Answer.Yes)));
        var before = _ledger.Results();

        var bad = Judgements.Case("c1", 2, "custody", [new CaseTrait("gender", "")],
            ("P2.1.E", Answer.No), ("P9.9.X", Answer.Yes), ("P2.1.D", Answer.Unspecified), ("P2.1.E", Answer.Yes));
        var refused = Assert.Throws<InvalidChangeException>(() => _ledger.Apply(bad));

        Assert.Equal(
            ["case_type", "traits[0].value", "answers[1].key_question_id", "answers[2].answer", "answers[3].key_question_id"],
            refused.Violations.Select(v => v.Field));
        Assert.Contains("P9.9.X", refused.Violations[2].Description, StringComparison.Ordinal);
        Assert.Equal(before.KeyQuestions, _ledger.Results().KeyQuestions);
        Assert.True(_ledger.TryGetCase("c1", out var kept));
        Assert.Equal(1, kept.Revision);
    }

    [Theory]
    [InlineData("", 1, "case_id")]
    [InlineData("c1", 0, "revision")]
    [InlineData("c1", -3, "revision")]
    public void Ids_and_revisions_are_checked(string caseId, long revision, string field)
    {
        var refused = Assert.Throws<InvalidChangeException>(() => _ledger.Apply(Judgements.Case(caseId, revision, ("P2.1.E", Answer.Yes))));

        Assert.Equal(field, Assert.Single(refused.Violations).Field);
        Assert.Equal(0, _ledger.CaseCount);
    }

    [Fact]
    public void Case_type_is_a_reserved_trait_name_and_trait_names_are_unique()
    {
        var refused = Assert.Throws<InvalidChangeException>(() => _ledger.Apply(Judgements.Case("c1", 1, "community",
            [new CaseTrait("case_type", "licence"), new CaseTrait("gender", "male"), new CaseTrait("gender", "female")])));

        Assert.Equal(["traits[0].name", "traits[2].name"], refused.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Withdrawing_a_case_stops_it_counting_and_keeps_its_revision()
    {
        _ledger.Apply(Judgements.Case("c1", 1, ("P2.4.D", Answer.Yes)));
        _ledger.Apply(Judgements.Case("c2", 1, ("P2.4.D", Answer.No)));

        Assert.Equal(ChangeOutcome.Applied, _ledger.Withdraw("c1", 2));
        Assert.Equal(new AnswerTally(0, 1, 0), Tally("P2.4.D"));
        Assert.Equal(1, _ledger.CaseCount);

        Assert.Equal(ChangeOutcome.Duplicate, _ledger.Withdraw("c1", 2));
        Assert.Equal(ChangeOutcome.Stale, _ledger.Withdraw("c1", 1));
        Assert.Equal(ChangeOutcome.Stale, _ledger.Apply(Judgements.Case("c1", 1, ("P2.4.D", Answer.Yes))));
        Assert.Equal(ChangeOutcome.Conflict, _ledger.Apply(Judgements.Case("c1", 2, ("P2.4.D", Answer.Yes))));
        Assert.Equal(ChangeOutcome.Conflict, _ledger.Withdraw("c2", 1));
        Assert.Equal(ChangeOutcome.UnknownCase, _ledger.Withdraw("nobody", 1));
        Assert.Equal(new AnswerTally(0, 1, 0), Tally("P2.4.D"));

        Assert.Equal(ChangeOutcome.Applied, _ledger.Apply(Judgements.Case("c1", 3, ("P2.4.D", Answer.Yes))));
        Assert.Equal(new AnswerTally(1, 1, 0), Tally("P2.4.D"));
        Assert.Equal(2, _ledger.CaseCount);
    }

    [Fact]
    public void Judged_ratings_are_set_replaced_and_cleared()
    {
        Assert.Equal(ChangeOutcome.Applied, _ledger.SetJudgedRating("P1.2", Rating.Good, "Caseloads are manageable."));
        Assert.Equal(ChangeOutcome.Duplicate, _ledger.SetJudgedRating("P1.2", Rating.Good, "Caseloads are manageable."));
        Assert.Equal(ChangeOutcome.Applied, _ledger.SetJudgedRating("P1.2", Rating.Inadequate, "Vacancies at 30%."));

        var standard = _ledger.Results().Standard("P1.2");
        Assert.Equal(Rating.Inadequate, standard.Rating);
        Assert.Equal("Vacancies at 30%.", standard.Rationale);
        Assert.Equal(0, standard.Points);

        Assert.Equal(ChangeOutcome.Applied, _ledger.ClearJudgedRating("P1.2"));
        Assert.Equal(ChangeOutcome.Duplicate, _ledger.ClearJudgedRating("P1.2"));
        Assert.Null(_ledger.Results().Standard("P1.2").Rating);
    }

    [Theory]
    [InlineData("P2.1", "standard_id")] // rated from cases
    [InlineData("P7.7", "standard_id")] // no such standard
    public void A_judged_rating_only_fits_a_judged_standard(string standardId, string field)
    {
        var refused = Assert.Throws<InvalidChangeException>(() => _ledger.SetJudgedRating(standardId, Rating.Good, "Because."));

        Assert.Equal(field, Assert.Single(refused.Violations).Field);
        Assert.Empty(_ledger.JudgedRatings);
    }

    [Fact]
    public void A_judged_rating_needs_a_rationale_and_a_rating_on_the_scale()
    {
        var refused = Assert.Throws<InvalidChangeException>(() => _ledger.SetJudgedRating("P1.1", (Rating)9, " "));

        Assert.Equal(["rating", "rationale"], refused.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Breakdowns_follow_cases_as_they_move_between_slices()
    {
        _ledger.Apply(Judgements.Case("c1", 1, "community", [new CaseTrait("gender", "female")], ("P2.1.S", Answer.Yes)));
        _ledger.Apply(Judgements.Case("c2", 1, "licence", [new CaseTrait("gender", "female")], ("P2.1.S", Answer.No)));
        _ledger.Apply(Judgements.Case("c1", 2, "community", [new CaseTrait("gender", "male")], ("P2.1.S", Answer.Yes)));

        var female = _ledger.Breakdown(new BreakdownKey("gender", "female"));
        Assert.Equal(1, female.Cases);
        Assert.Equal(new AnswerTally(0, 1, 0), female.KeyQuestions.Single(k => k.KeyQuestionId == "P2.1.S").Tally);
        Assert.Equal(Rating.Inadequate, female.Standards.Single(s => s.StandardId == "P2.1").Rating);

        var male = _ledger.Breakdown(new BreakdownKey("gender", "male"));
        Assert.Equal(100, male.KeyQuestions.Single(k => k.KeyQuestionId == "P2.1.S").RoundedPercent);

        Assert.Equal(
            ["case_type=community", "case_type=licence", "gender=female", "gender=male"],
            _ledger.Breakdowns().Select(b => b.Key.ToString()));
    }

    [Fact]
    public void A_restored_ledger_has_the_same_figures()
    {
        foreach (var judgement in RedcarCases.Build(SharedFixtures.Load("redcar-2025.json").RootElement))
        {
            _ledger.Apply(judgement);
        }

        _ledger.Withdraw("redcar-07", 2);
        _ledger.SetJudgedRating("P1.1", Rating.Good, "Strong leadership.");

        var restored = InspectionLedger.Restore(_ledger.Rulebook, _ledger.Cases(), _ledger.JudgedRatings);

        Assert.Equal(ResultsText.Of(_ledger), ResultsText.Of(restored));
        Assert.Equal(ChangeOutcome.Stale, restored.Apply(Judgements.Case("redcar-07", 1, ("P2.1.E", Answer.Yes))));
    }
}
