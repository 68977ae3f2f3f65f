using Bunit;
using Grpc.Core;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RatingGrid.Contracts.V1;
using RatingGrid.Web.Components.Pages;

namespace RatingGrid.Web.Tests;

/// <summary>The nation page: PDUs by overall rating and by standard, regions compared, a current picture or a period (in the address), live.</summary>
public sealed class NationPageTests : IDisposable
{
    private readonly WebFakes _fakes = new();

    public void Dispose() => _fakes.Dispose();

    private IRenderedComponent<NationPage> Render(string address = "nation")
    {
        _fakes.Context.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return _fakes.Context.Render<NationPage>();
    }

    [Fact]
    public void With_nothing_counted_it_says_so()
    {
        _fakes.Reads.Nation = new NationOverview { Nation = new Report { Version = 1, AsOf = new Date { Year = 2026, Month = 12, Day = 2 } } };

        Assert.Contains("No inspection counts in this picture yet (only published", Render().Find("[data-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_current_picture_counts_pdus_by_overall_rating_and_standard_with_every_region_compared()
    {
        _fakes.Reads.Nation = Summaries.Current(good: 3, requiresImprovement: 2, provisional: 1, version: 5, ("London", 3, 0, 0), ("North East", 0, 2, 1));

        var page = Render();

        Assert.Contains("The current picture on 2026-12-02", page.Find("[data-picture]").TextContent, StringComparison.Ordinal);
        Assert.Equal("3", page.Find("[data-chart=overall] [data-rating=Good] [data-count]").TextContent);
        Assert.Equal("2", page.Find("[data-chart=overall] [data-rating='Requires improvement'] [data-count]").TextContent);
        Assert.Equal("1", page.Find("[data-chart=overall] [data-rating='Not yet rated'] [data-count]").TextContent);
        Assert.Equal("6", page.Find("[data-standard='P2.1'] [data-rating=Inadequate]").TextContent);
        Assert.Equal("3", page.Find("[data-region=London] [data-count]").TextContent);
        Assert.Equal("1", page.Find("[data-region='North East'] [data-rating='Not yet rated']").TextContent);
        Assert.Contains("Rulebook hmip-probation-pdu-2025 (version 1): 6 PDUs", page.Find("h2").TextContent, StringComparison.Ordinal);
        Assert.Equal(["GetNationOverview"], _fakes.Reads.Calls); // the nation and its regions in one finished answer
        Assert.Equal(("live/nation", "5"), (page.Find("[data-live]").GetAttribute("data-live"), page.Find("[data-live]").GetAttribute("data-version")));
    }

    [Fact]
    public void A_period_in_the_address_is_asked_for_filled_into_the_form_and_followed_live()
    {
        var page = Render("nation?from=2025-04-01&to=2026-03-31&basis=fieldwork");

        var request = Assert.Single(_fakes.Reads.OverviewRequests);
        Assert.Equal(PeriodBasis.Fieldwork, request.Period.Basis);
        Assert.Equal(new Date { Year = 2025, Month = 4, Day = 1 }, request.Period.From);
        Assert.Equal(new Date { Year = 2026, Month = 3, Day = 31 }, request.Period.To);
        Assert.Equal("2025-04-01", page.Find("#from").GetAttribute("value"));
        Assert.True(page.Find("#basis option[value=fieldwork]").HasAttribute("selected"));
        Assert.Equal("get", page.Find("form[data-report-choice]").GetAttribute("method"));
        Assert.Equal("live/nation?from=2025-04-01&to=2026-03-31&basis=fieldwork", page.Find("[data-live]").GetAttribute("data-live"));
    }

    [Fact]
    public void Dates_that_make_no_report_are_said_plainly_and_nothing_is_asked()
    {
        var page = Render("nation?from=2025-04-01");

        Assert.Equal("Invalid", page.Find("[role=alert]").GetAttribute("data-problem"));
        Assert.Contains("both its first and its last day", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Empty(_fakes.Reads.Calls);
    }

    [Theory]
    [InlineData(StatusCode.PermissionDenied, "Refused")]
    [InlineData(StatusCode.Unavailable, "Unreachable")]
    public void A_refused_or_failed_read_says_what_went_wrong(StatusCode code, string kind)
    {
        _fakes.Reads.Failure = new RpcException(new Status(code, "This call needs the scope 'ratinggrid.national'."));

        var page = Render();

        Assert.Equal(kind, page.Find("[role=alert]").GetAttribute("data-problem"));
        Assert.Empty(page.FindAll("[data-chart]"));
    }
}
