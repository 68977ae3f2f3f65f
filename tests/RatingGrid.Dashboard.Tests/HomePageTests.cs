using Bunit;
using Grpc.Core;
using RatingGrid.Dashboard.Pages;

namespace RatingGrid.Dashboard.Tests;

/// <summary>The start page: the regions a person may see, or why none.</summary>
public sealed class HomePageTests : IDisposable
{
    private readonly DashboardFakes _fakes = new();

    public void Dispose() => _fakes.Dispose();

    [Fact]
    public void While_the_regions_load_it_says_so() =>
        Assert.Contains("Loading the regions", _fakes.Context.Render<HomePage>().Find("[role=status]").TextContent, StringComparison.Ordinal);

    [Fact]
    public void It_links_each_region_the_person_may_see_escaping_its_name()
    {
        _fakes.Figures.Regions.SetResult(["North East", "Kent Surrey and Sussex"]);

        var page = _fakes.Context.Render<HomePage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-regions] a").Count));
        Assert.Equal(["regions/North%20East", "regions/Kent%20Surrey%20and%20Sussex"], page.FindAll("[data-regions] a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void A_person_who_may_see_no_region_is_told_to_ask_for_access()
    {
        _fakes.Figures.Regions.SetResult([]);

        var page = _fakes.Context.Render<HomePage>();

        page.WaitForAssertion(() => Assert.Contains("You cannot see any region", page.Find("[data-empty]").TextContent, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(StatusCode.PermissionDenied, "Refused")]
    [InlineData(StatusCode.Unavailable, "Unreachable")]
    public void A_failed_read_says_what_went_wrong(StatusCode code, string kind)
    {
        _fakes.Figures.Regions.SetException(new RpcException(new Status(code, "what the service said")));

        var page = _fakes.Context.Render<HomePage>();

        page.WaitForAssertion(() => Assert.Equal(kind, page.Find("[role=alert]").GetAttribute("data-problem")));
        Assert.Empty(page.FindAll("[data-regions]"));
    }
}
