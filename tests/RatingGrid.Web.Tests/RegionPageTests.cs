using Bunit;
using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Web.Components.Pages;

namespace RatingGrid.Web.Tests;

/// <summary>The region page: its PDUs by their newest inspection with the change since the one before, and the address its live part follows.</summary>
public sealed class RegionPageTests : IDisposable
{
    private readonly WebFakes _fakes = new();

    public void Dispose() => _fakes.Dispose();

    private Bunit.IRenderedComponent<RegionPage> Render() => _fakes.Context.Render<RegionPage>(p => p.Add(page => page.Region, "North East"));

    [Fact]
    public void A_region_without_inspections_says_so()
    {
        _fakes.Reads.Region = Summaries.Region(1);

        Assert.Contains("No inspection of a PDU in North East", Render().Find("[data-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_pdu_shows_its_newest_inspection_and_what_the_service_says_changed_since_its_previous_one()
    {
        var newest = Summaries.Of("a-2026", "a", 2026, Rating.RequiresImprovement, standards: [("P1.1", Rating.Good), ("P2.1", Rating.Inadequate)]);
        var previous = Summaries.Of("a-2023", "a", 2023, Rating.Inadequate, standards: [("P1.1", Rating.RequiresImprovement), ("P2.1", Rating.Inadequate)]);
        _fakes.Reads.Region = Summaries.Region(4,
            Summaries.Row(newest, previous, ("P1.1", Rating.RequiresImprovement, Rating.Good), ("overall", Rating.Inadequate, Rating.RequiresImprovement)),
            Summaries.Row(Summaries.Of("b-2026", "b", 2026, Rating.Good)));

        var page = Render();

        Assert.Equal(2, page.FindAll("[data-pdu]").Count);
        var a = page.Find("[data-pdu=a]");
        Assert.Contains("a-2026", a.TextContent, StringComparison.Ordinal);
        Assert.Equal("Requires improvement", a.QuerySelector("[data-overall-rating]")!.TextContent);
        Assert.Equal("P1.1: Requires improvement to Good; Overall: Inadequate to Requires improvement", a.QuerySelector("[data-change]")!.TextContent);
        Assert.Equal("First inspection", page.Find("[data-pdu=b] [data-change]").TextContent);
        Assert.Equal(["GetRegionPdus"], _fakes.Reads.Calls); // one finished answer; the page regroups nothing
    }

    [Fact]
    public void The_live_part_follows_the_regions_feed_from_the_version_rendered()
    {
        _fakes.Reads.Region = Summaries.Region(4, Summaries.Row(Summaries.Of("a-2026", "a", 2026, Rating.Good)));

        var live = Render().Find("[data-live]");

        Assert.Equal("live/regions/North%20East", live.GetAttribute("data-live"));
        Assert.Equal("4", live.GetAttribute("data-version"));
    }

    [Fact]
    public void A_pdu_whose_newest_inspection_is_in_fieldwork_reads_not_yet_rated()
    {
        _fakes.Reads.Region = Summaries.Region(1, Summaries.Row(Summaries.Of("a-2026", "a", 2026, Rating.Unspecified, InspectionStatus.Open)));

        var page = Render();

        Assert.Equal("Not yet rated", page.Find("[data-pdu=a] [data-overall-rating]").TextContent);
        Assert.Contains("Fieldwork", page.Find("[data-pdu=a]").TextContent, StringComparison.Ordinal);
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
        _fakes.Reads.Region = Summaries.Region(1, Summaries.Row(record));

        var page = Render();

        Assert.Contains("From the published report", page.Find("[data-pdu=sunderland] [data-from-report]").TextContent, StringComparison.Ordinal);
        Assert.Equal("https://hmiprobation.justiceinspectorates.gov.uk/document/sunderland", page.Find("[data-pdu=sunderland] [data-from-report] a").GetAttribute("href"));
        Assert.Contains("Not published", page.Find("[data-pdu=sunderland]").TextContent, StringComparison.Ordinal); // its score
    }

    [Fact]
    public void Figures_a_host_may_be_behind_on_say_since_when()
    {
        var answer = Summaries.Region(2, Summaries.Row(Summaries.Of("a-2026", "a", 2026, Rating.Good)));
        answer.BehindSince = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 6, 17, 0, 5, TimeSpan.Zero));
        _fakes.Reads.Region = answer;

        Assert.Contains("last knew them current at 2026-12-06 17:00:05 UTC", Render().Find("[data-behind]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StatusCode.PermissionDenied, "Refused", "You cannot see this region")]
    [InlineData(StatusCode.Unavailable, "Unreachable", "The rating service cannot be reached")]
    public void A_refused_or_failed_read_says_what_went_wrong_and_follows_nothing(StatusCode code, string kind, string title)
    {
        _fakes.Reads.Failure = new RpcException(new Status(code, "what the service said"));

        var page = Render();

        Assert.Equal(kind, page.Find("[role=alert]").GetAttribute("data-problem"));
        Assert.Contains(title, page.Find("[role=alert] h2").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-pdus]"));
        Assert.Empty(page.FindAll("[data-live]"));
    }
}
