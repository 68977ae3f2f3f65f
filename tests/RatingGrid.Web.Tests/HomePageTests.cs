using Bunit;
using Grpc.Core;
using RatingGrid.Web.Components.Pages;

namespace RatingGrid.Web.Tests;

/// <summary>The start page: the regions a person may see, or why none.</summary>
public sealed class HomePageTests : IDisposable
{
    private readonly WebFakes _fakes = new();

    public void Dispose() => _fakes.Dispose();

    [Fact]
    public void It_links_each_region_the_person_may_see_escaping_its_name()
    {
        _fakes.Reads.Regions = ["North East", "Kent, Surrey and Sussex"];

        var page = _fakes.Context.Render<HomePage>();

        Assert.Equal(["regions/North%20East", "regions/Kent%2C%20Surrey%20and%20Sussex"], page.FindAll("[data-regions] a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void A_person_who_may_see_no_region_is_told_to_ask_for_access()
    {
        var page = _fakes.Context.Render<HomePage>();

        Assert.Contains("You cannot see any region", page.Find("[data-empty]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StatusCode.PermissionDenied, "Refused")]
    [InlineData(StatusCode.Unavailable, "Unreachable")]
    public void A_failed_read_says_what_went_wrong(StatusCode code, string kind)
    {
        _fakes.Reads.Failure = new RpcException(new Status(code, "what the service said"));

        var page = _fakes.Context.Render<HomePage>();

        Assert.Equal(kind, page.Find("[role=alert]").GetAttribute("data-problem"));
        Assert.Empty(page.FindAll("[data-regions]"));
    }
}
