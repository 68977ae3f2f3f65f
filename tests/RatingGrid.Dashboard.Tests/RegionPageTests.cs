using Bunit;
using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Dashboard.Pages;

namespace RatingGrid.Dashboard.Tests;

/// <summary>The region page: its PDUs by their newest inspection with the change since the one before, live.</summary>
public sealed class RegionPageTests : IDisposable
{
    private readonly DashboardFakes _fakes = new();

    public void Dispose() => _fakes.Dispose();

    private IRenderedComponent<RegionPage> Render() => _fakes.Context.Render<RegionPage>(p => p.Add(page => page.Region, "North East"));

    [Fact]
    public void Until_the_watch_answers_it_says_it_is_loading() =>
        Assert.Contains("Loading the region's PDUs", Render().Find("[role=status]").TextContent, StringComparison.Ordinal);

    [Fact]
    public void A_region_without_inspections_says_so()
    {
        var page = Render();
        _fakes.Figures.PushRegion(Summaries.Region(1));

        page.WaitForAssertion(() => Assert.Contains("No inspection of a PDU in North East", page.Find("[data-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_pdu_shows_its_newest_inspection_and_what_the_service_says_changed_since_its_previous_one()
    {
        var newest = Summaries.Of("a-2026", "a", 2026, Rating.RequiresImprovement, standards: [("P1.1", Rating.Good), ("P2.1", Rating.Inadequate)]);
        var previous = Summaries.Of("a-2023", "a", 2023, Rating.Inadequate, standards: [("P1.1", Rating.RequiresImprovement), ("P2.1", Rating.Inadequate)]);
        var page = Render();
        _fakes.Figures.PushRegion(Summaries.Region(4,
            Summaries.Row(newest, previous, ("P1.1", Rating.RequiresImprovement, Rating.Good), ("overall", Rating.Inadequate, Rating.RequiresImprovement)),
            Summaries.Row(Summaries.Of("b-2026", "b", 2026, Rating.Good))));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-pdu]").Count));
        var a = page.Find("[data-pdu=a]");
        Assert.Contains("a-2026", a.TextContent, StringComparison.Ordinal);
        Assert.Equal("Requires improvement", a.QuerySelector("[data-overall-rating]")!.TextContent);
        Assert.Equal("P1.1: Requires improvement to Good; Overall: Inadequate to Requires improvement", a.QuerySelector("[data-change]")!.TextContent);
        Assert.Equal("First inspection", page.Find("[data-pdu=b] [data-change]").TextContent);
    }

    [Fact]
    public void A_pdu_whose_newest_inspection_is_in_fieldwork_reads_not_yet_rated()
    {
        var page = Render();
        _fakes.Figures.PushRegion(Summaries.Region(1, Summaries.Row(Summaries.Of("a-2026", "a", 2026, Rating.Unspecified, InspectionStatus.Open))));

        page.WaitForAssertion(() => Assert.Equal("Not yet rated", page.Find("[data-pdu=a] [data-overall-rating]").TextContent));
        Assert.Contains("Fieldwork", page.Find("[data-pdu=a]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_new_version_is_shown_from_the_one_watch_the_page_keeps_one_rpc_however_many_versions()
    {
        var page = Render();
        _fakes.Figures.PushRegion(Summaries.Region(1, Summaries.Row(Summaries.Of("a-2026", "a", 2026, Rating.Unspecified, InspectionStatus.Open))));
        page.WaitForAssertion(() => Assert.Equal("Not yet rated", page.Find("[data-pdu=a] [data-overall-rating]").TextContent));

        _fakes.Figures.PushRegion(Summaries.Region(2, Summaries.Row(Summaries.Of("a-2026", "a", 2026, Rating.Good))));
        page.WaitForAssertion(() => Assert.Equal("Good", page.Find("[data-pdu=a] [data-overall-rating]").TextContent));
        _fakes.Figures.PushRegion(Summaries.Region(3, Summaries.Row(Summaries.Of("a-2026", "a", 2026, Rating.Good)), Summaries.Row(Summaries.Of("b-2026", "b", 2026, Rating.Good))));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-pdu]").Count));
        Assert.Contains("version 3", page.Find("p.govuk-body").TextContent, StringComparison.Ordinal);
        Assert.Equal(["WatchRegionPdus"], _fakes.Figures.Calls); // three versions, one rpc: the page regroups nothing
    }

    [Fact]
    public void A_pdu_rated_from_its_published_report_is_marked_so_with_the_link_to_the_report()
    {
        var record = Summaries.Of("report-sunderland-2025", "sunderland", 2025, Rating.RequiresImprovement);
        record.PublishedReport = new PublishedReport
        {
            Overall = Rating.RequiresImprovement,
            Published = new StatedDates { AsStated = "2025" },
            SourceUrl = "https://hmiprobation.justiceinspectorates.gov.uk/document/sunderland",
        };
        var page = Render();
        _fakes.Figures.PushRegion(Summaries.Region(1, Summaries.Row(record)));

        page.WaitForAssertion(() => Assert.Contains("From the published report", page.Find("[data-pdu=sunderland] [data-from-report]").TextContent, StringComparison.Ordinal));
        Assert.Equal("https://hmiprobation.justiceinspectorates.gov.uk/document/sunderland", page.Find("[data-pdu=sunderland] [data-from-report] a").GetAttribute("href"));
        Assert.Contains("Not published", page.Find("[data-pdu=sunderland]").TextContent, StringComparison.Ordinal); // its score
    }

    [Theory]
    [InlineData(StatusCode.PermissionDenied, "Refused", "You cannot see this region")]
    [InlineData(StatusCode.Unavailable, "Unreachable", "The rating service cannot be reached")]
    public void A_refused_or_broken_watch_says_what_went_wrong(StatusCode code, string kind, string title)
    {
        _fakes.Figures.WatchFailure = new RpcException(new Status(code, "what the service said"));

        var page = Render();

        page.WaitForAssertion(() => Assert.Equal(kind, page.Find("[role=alert]").GetAttribute("data-problem")));
        Assert.Contains(title, page.Find("[role=alert] h2").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-pdus]"));
    }
}
