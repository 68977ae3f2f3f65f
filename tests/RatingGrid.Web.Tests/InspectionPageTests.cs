using Bunit;
using Grpc.Core;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RatingGrid.Contracts.V1;
using RatingGrid.Web.Components.Pages;

namespace RatingGrid.Web.Tests;

/// <summary>The inspection page in each of its states: rated, provisional, refused, not found, unreachable, signed out; its breakdowns and case lookup.</summary>
public sealed class InspectionPageTests : IDisposable
{
    private readonly WebFakes _fakes = new();

    public void Dispose() => _fakes.Dispose();

    private IRenderedComponent<InspectionPage> Render() => _fakes.Context.Render<InspectionPage>(p => p.Add(page => page.InspectionId, "redcar-2025"));

    [Fact]
    public void A_rated_inspection_shows_its_overall_rating_every_percentage_interval_and_headroom()
    {
        _fakes.Reads.Inspection = Inspections.Rated(7);

        var page = Render();

        Assert.Contains("Score 5 / 21: Requires improvement", page.Find("[data-overall]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["70%", "68%", "30%"], page.FindAll("[data-percent]").Select(c => c.TextContent));
        Assert.Contains("Inadequate", page.Find("[data-standard=P2\\.1] [data-rating]").TextContent, StringComparison.Ordinal);
        Assert.Contains("20–40%", page.Find("[data-key-question=P2\\.1\\.S]").TextContent, StringComparison.Ordinal);
        Assert.Contains("3 more yes to rise; 2 more no to fall", page.Find("[data-key-question=P2\\.1\\.S]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Published", page.Find("[data-status]").TextContent);
        Assert.Equal(3, page.FindAll("svg.kq-bar .kq-interval").Count);
        Assert.Equal(("live/inspections/redcar-2025", "7"), (page.Find("[data-live]").GetAttribute("data-live"), page.Find("[data-live]").GetAttribute("data-version")));
    }

    [Fact]
    public void An_inspection_recorded_from_its_report_shows_what_was_published_each_figure_under_its_standard()
    {
        var record = Inspections.Rated(1);
        record.Results.Overall.MaxScore = 28; // the rulebook's maximum, as the service states it
        record.PublishedReport = new PublishedReport
        {
            Overall = Rating.RequiresImprovement,
            Score = 5,
            Standards = { new PublishedRating { StandardId = "P2.1", Rating = Rating.Inadequate } },
            KeyQuestions = { new PublishedKeyQuestion { KeyQuestionId = "P2.1.S", Percent = 30 }, new PublishedKeyQuestion { KeyQuestionId = "P9.9.X", Percent = 50 } },
            Published = new StatedDates { AsStated = "2025" },
            SourceUrl = "https://example.org/redcar",
        };
        _fakes.Reads.Inspection = record;

        var page = Render();

        Assert.Contains("(score 5 / 28)", page.Find("[data-overall]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Inadequate", page.Find("[data-standard=P2\\.1] [data-rating]").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("P2.1.S 30%", page.Find("[data-standard=P2\\.1]").TextContent.Trim(), StringComparison.Ordinal); // a figure the rulebook does not place is not shown under a standard
    }

    [Fact]
    public void A_provisional_inspection_shows_what_it_can_still_become()
    {
        _fakes.Reads.Inspection = Inspections.Provisional();

        var page = Render();

        Assert.Contains("Provisional: score so far 1 / 21; it can still reach 1 to 19 (Inadequate, Requires improvement, Good)", page.Find("[data-overall]").TextContent, StringComparison.Ordinal);
        Assert.Contains("(provisional)", page.Find("[data-standard=P2\\.1]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Fieldwork", page.Find("[data-status]").TextContent);
    }

    [Fact]
    public void An_inspection_without_cases_yet_shows_its_standards_unrated_and_every_rating_still_open()
    {
        var empty = Inspections.Provisional();
        empty.Results.Cases = 0;
        empty.Results.KeyQuestions.Clear();
        empty.Results.Overall = new Contracts.V1.Overall { MaxScore = 21, Provisional = true, LowestReachableScore = 0, HighestReachableScore = 21, PossibleRatings = { Contracts.V1.Rating.Inadequate, Contracts.V1.Rating.RequiresImprovement, Contracts.V1.Rating.Good, Contracts.V1.Rating.Outstanding } };
        _fakes.Reads.Inspection = empty;

        var page = Render();

        Assert.Contains("score so far 0 / 21; it can still reach 0 to 21", page.Find("[data-overall]").TextContent, StringComparison.Ordinal);
        Assert.Contains("(0 cases)", page.Find("caption").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-percent]"));
    }

    [Theory]
    [InlineData(StatusCode.PermissionDenied, "Refused", "You cannot see this inspection")]
    [InlineData(StatusCode.NotFound, "NotFound", "There is no inspection")]
    [InlineData(StatusCode.Unavailable, "Unreachable", "The rating service cannot be reached")]
    public void A_failed_read_says_what_went_wrong(StatusCode code, string kind, string title)
    {
        _fakes.Reads.Failure = new RpcException(new Status(code, "what the service said"));

        var page = Render();

        Assert.Equal(kind, page.Find("[role=alert]").GetAttribute("data-problem"));
        Assert.Contains(title, page.Find("[role=alert] h2").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("table"));
        Assert.Empty(page.FindAll("[data-live]"));
    }

    [Fact]
    public void Without_a_valid_token_the_page_sends_the_person_to_sign_in_and_back_here_afterwards()
    {
        _fakes.Context.Services.GetRequiredService<NavigationManager>().NavigateTo("inspections/redcar-2025");
        _fakes.Reads.Failure = new RpcException(new Status(StatusCode.Unauthenticated, "The bearer token expired at 2026-12-02 10:00:00Z; get a new one."));

        Render();

        Assert.Equal("sign-in?return=%2Finspections%2Fredcar-2025", _fakes.Location);
    }

    [Fact]
    public void Breakdowns_show_each_slices_percentages()
    {
        _fakes.Reads.Breakdowns = [Slice("community", 30, 20)];
        _fakes.Reads.Inspection = Inspections.Rated(7);

        Assert.Equal("67%", Render().Find("[data-slice='case_type=community'] [data-key-question='P2.1.S']").TextContent);
    }

    [Fact]
    public void Breakdowns_that_cannot_be_read_leave_the_ratings_on_show_and_say_why()
    {
        _fakes.Reads.BreakdownsFailure = new RpcException(new Status(StatusCode.Unavailable, "down"));
        _fakes.Reads.Inspection = Inspections.Rated(7);

        var page = Render();

        Assert.Contains("Breakdowns are not shown", page.Find("[data-breakdowns-problem]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Score 5 / 21", page.Find("[data-overall]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_case_lookup_is_a_plain_get_form_to_the_inspections_case_address()
    {
        _fakes.Reads.Inspection = Inspections.Rated(7);

        var form = Render().Find("form[data-case-lookup]");

        Assert.Equal(("get", "inspections/redcar-2025/case"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal("id", form.QuerySelector("#case-id")!.GetAttribute("name"));
    }

    [Fact]
    public void The_case_lookups_answer_is_the_cases_own_address()
    {
        _fakes.Context.Services.GetRequiredService<NavigationManager>().NavigateTo("inspections/redcar-2025/case?id=case%2042");

        _fakes.Context.Render<CaseLookupPage>(p => p.Add(page => page.InspectionId, "redcar-2025"));

        Assert.Equal("inspections/redcar-2025/cases/case%2042", _fakes.Location);
    }

    private static Contracts.V1.Breakdown Slice(string caseType, int applicable, int yes) => new()
    {
        Dimension = "case_type",
        Value = caseType,
        Cases = applicable,
        KeyQuestions = { new Contracts.V1.KeyQuestionFigures { KeyQuestionId = "P2.1.S", StandardId = "P2.1", Yes = yes, No = applicable - yes, Applicable = applicable, RoundedPercent = (int)Math.Round(100.0 * yes / applicable) } },
    };
}
