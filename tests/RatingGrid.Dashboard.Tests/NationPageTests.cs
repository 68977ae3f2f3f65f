using Bunit;
using Grpc.Core;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RatingGrid.Contracts.V1;
using RatingGrid.Dashboard.Pages;

namespace RatingGrid.Dashboard.Tests;

/// <summary>The nation page: PDUs by overall rating and by standard, regions compared, a current picture or a period, live.</summary>
public sealed class NationPageTests : IDisposable
{
    private readonly DashboardFakes _fakes = new();

    public void Dispose() => _fakes.Dispose();

    private IRenderedComponent<NationPage> Render(string address = "nation")
    {
        _fakes.Context.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return _fakes.Context.Render<NationPage>();
    }

    [Fact]
    public void Until_the_watch_answers_it_says_it_is_loading() =>
        Assert.Contains("Loading the national figures", Render().Find("[role=status]").TextContent, StringComparison.Ordinal);

    [Fact]
    public void With_nothing_counted_it_says_so()
    {
        var page = Render();
        _fakes.Figures.PushNation(new NationOverview { Nation = new Report { Version = 1, AsOf = new Date { Year = 2026, Month = 12, Day = 2 } } });

        page.WaitForAssertion(() => Assert.Contains("No inspection counts in this picture yet (only published", page.Find("[data-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void The_current_picture_counts_pdus_by_overall_rating_and_standard_with_every_region_compared()
    {
        var page = Render();
        _fakes.Figures.PushNation(Summaries.Current(good: 3, requiresImprovement: 2, provisional: 1, version: 5, ("London", 3, 0, 0), ("North East", 0, 2, 1)));

        page.WaitForAssertion(() => Assert.Contains("The current picture on 2026-12-02", page.Find("[data-picture]").TextContent, StringComparison.Ordinal));
        Assert.Equal("3", page.Find("[data-chart=overall] [data-rating=Good] [data-count]").TextContent);
        Assert.Equal("2", page.Find("[data-chart=overall] [data-rating='Requires improvement'] [data-count]").TextContent);
        Assert.Equal("1", page.Find("[data-chart=overall] [data-rating='Not yet rated'] [data-count]").TextContent);
        Assert.Equal("6", page.Find("[data-standard='P2.1'] [data-rating=Inadequate]").TextContent);
        Assert.Equal("3", page.Find("[data-region=London] [data-count]").TextContent);
        Assert.Equal("1", page.Find("[data-region='North East'] [data-rating='Not yet rated']").TextContent);
        Assert.Contains("Rulebook hmip-probation-pdu-2025 (version 1): 6 PDUs", page.Find("h2").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_in_the_address_asks_for_that_period_in_one_watch_for_the_nation_and_its_regions()
    {
        var page = Render("nation?from=2025-04-01&to=2026-03-31&basis=fieldwork");

        page.WaitForAssertion(() => Assert.Single(_fakes.Figures.OverviewRequests));
        var request = _fakes.Figures.OverviewRequests[0];
        Assert.Equal(PeriodBasis.Fieldwork, request.Period.Basis);
        Assert.Equal(new Date { Year = 2025, Month = 4, Day = 1 }, request.Period.From);
        Assert.Equal(new Date { Year = 2026, Month = 3, Day = 31 }, request.Period.To);
        Assert.Equal("", request.Region);
    }

    [Fact]
    public void Dates_that_make_no_report_are_said_plainly_and_nothing_is_asked()
    {
        var page = Render("nation?from=2025-04-01");

        Assert.Equal("Invalid", page.Find("[role=alert]").GetAttribute("data-problem"));
        Assert.Contains("both its first and its last day", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Empty(_fakes.Figures.Calls);
    }

    [Fact]
    public void Each_new_national_version_is_shown_from_the_one_watch_the_page_keeps_one_rpc_however_many_versions()
    {
        var page = Render();
        _fakes.Figures.PushNation(Summaries.Current(good: 1, requiresImprovement: 0, provisional: 0));
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-chart=overall] [data-rating=Good] [data-count]").TextContent));

        _fakes.Figures.PushNation(Summaries.Current(good: 2, requiresImprovement: 0, provisional: 0, version: 2));
        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-chart=overall] [data-rating=Good] [data-count]").TextContent));
        _fakes.Figures.PushNation(Summaries.Current(good: 3, requiresImprovement: 0, provisional: 0, version: 3));

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("[data-chart=overall] [data-rating=Good] [data-count]").TextContent));
        Assert.Equal(["WatchNationOverview"], _fakes.Figures.Calls); // three versions, one rpc: the nation and its regions in each answer
    }

    [Theory]
    [InlineData(StatusCode.PermissionDenied, "Refused")]
    [InlineData(StatusCode.Unavailable, "Unreachable")]
    public void A_refused_or_broken_watch_says_what_went_wrong(StatusCode code, string kind)
    {
        _fakes.Figures.WatchFailure = new RpcException(new Status(code, "This call needs the scope 'ratinggrid.national'."));

        var page = Render();

        page.WaitForAssertion(() => Assert.Equal(kind, page.Find("[role=alert]").GetAttribute("data-problem")));
        Assert.Empty(page.FindAll("[data-chart]"));
    }
}
