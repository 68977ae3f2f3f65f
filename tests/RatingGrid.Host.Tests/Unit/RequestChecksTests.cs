using RatingGrid.Contracts.V1;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Host.Configuration;
using RatingGrid.Host.Services;

namespace RatingGrid.Host.Tests.Unit;

/// <summary>The wire-level checks, in process: every violation named by its field, all of them at once.</summary>
public sealed class RequestChecksTests
{
    private static readonly LimitSettings Limits = new() { MaxIdLength = 16, MaxTextLength = 32, MaxJudgementsPerBatch = 3 };

    private static IReadOnlyList<(string Field, string Description)> Violations(Action<RequestChecks> check)
    {
        var checks = new RequestChecks(Limits);
        check(checks);
        var refused = Assert.Throws<InvalidRequestException>(checks.ThrowIfAny);
        return [.. refused.Violations.Select(v => (v.Field, v.Description))];
    }

    [Fact]
    public void A_request_within_every_limit_passes()
    {
        var checks = new RequestChecks(Limits).Id("inspection_id", "redcar-2025").Text("pdu_name", "Redcar").Date("fieldwork_start", new Date { Year = 2024, Month = 2, Day = 29 })
            .Judgements([new Judgement { CaseId = "c1", CaseType = "community" }]);

        checks.ThrowIfAny();
    }

    [Fact]
    public void Every_violation_is_reported_with_its_field_not_only_the_first()
    {
        var violations = Violations(c => c.Id("inspection_id", "").Id("pdu_id", new string('x', 17)).Text("pdu_name", new string('y', 33)));

        Assert.Equal(["inspection_id", "pdu_id", "pdu_name"], violations.Select(v => v.Field));
        Assert.Contains("is required", violations[0].Description, StringComparison.Ordinal);
        Assert.Contains("MaxIdLength is 16", violations[1].Description, StringComparison.Ordinal);
        Assert.Contains("MaxTextLength is 32", violations[2].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_optional_id_may_be_empty_but_not_too_long()
    {
        new RequestChecks(Limits).Id("dimension", "", required: false).ThrowIfAny();

        Assert.Equal("dimension", Assert.Single(Violations(c => c.Id("dimension", new string('d', 17), required: false))).Field);
    }

    [Theory]
    [InlineData(2023, 2, 29)]
    [InlineData(2025, 13, 1)]
    [InlineData(0, 1, 1)]
    [InlineData(2025, 4, 31)]
    public void A_date_that_is_not_on_the_calendar_is_refused(int year, int month, int day)
    {
        var violation = Assert.Single(Violations(c => c.Date("fieldwork_end", new Date { Year = year, Month = month, Day = day })));

        Assert.Equal("fieldwork_end", violation.Field);
        Assert.Contains("is not a calendar date", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_date_is_required()
    {
        Assert.Equal(("fieldwork_start", "is required"), Assert.Single(Violations(c => c.Date("fieldwork_start", null))));
    }

    [Fact]
    public void Oversized_parts_of_a_judgement_are_named_by_their_path()
    {
        var judgement = new Judgement { CaseId = "c1", CaseType = "community" };
        judgement.Traits.Add(new Trait { Name = "gender", Value = new string('v', 33) });
        judgement.Answers.Add(new KeyQuestionAnswer { KeyQuestionId = new string('k', 17), Answer = Answer.Yes });

        var violations = Violations(c => c.Judgements([new Judgement { CaseId = "ok", CaseType = "community" }, judgement]));

        Assert.Equal(["judgements[1].traits[0].value", "judgements[1].answers[0].key_question_id"], violations.Select(v => v.Field));
    }

    [Fact]
    public void Too_many_judgements_is_one_violation_not_one_per_judgement()
    {
        var judgements = Enumerable.Range(0, 4).Select(i => new Judgement { CaseId = new string('c', 40) }).ToList();

        var violation = Assert.Single(Violations(c => c.Judgements(judgements)));

        Assert.Equal("judgements", violation.Field);
        Assert.Contains("MaxJudgementsPerBatch is 3", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_actor_is_checked_only_for_a_caller_without_a_token()
    {
        new RequestChecks(Limits).Actor(Callers.Everything("lead"), "").ThrowIfAny();

        var anonymous = Callers.Everything("x") with { Subject = null };
        Assert.Equal("actor", Assert.Single(Violations(c => c.Actor(anonymous, ""))).Field);
    }
}
