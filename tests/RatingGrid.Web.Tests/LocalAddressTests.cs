using RatingGrid.Client.Requests;
using RatingGrid.Web.Components.Parts;
using RatingGrid.Web.SignIn;

namespace RatingGrid.Web.Tests;

/// <summary>Addresses the web app makes or follows: only its own after sign-in, and a report choice as a live part's query.</summary>
public sealed class LocalAddressTests
{
    [Theory]
    [InlineData("/regions/London", "/regions/London")]
    [InlineData("/", "/")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://elsewhere.example/x", "/")]
    [InlineData("//elsewhere.example/x", "/")]
    [InlineData("/\\elsewhere.example", "/")]
    [InlineData("regions/London", "/")]
    public void After_sign_in_only_an_address_on_this_site_is_followed(string? given, string followed) =>
        Assert.Equal(followed, SignInEndpoints.Local(given));

    [Fact]
    public void A_report_choice_becomes_the_same_query_the_page_was_asked_with()
    {
        Assert.Equal("", LiveQuery.Of(new ReportChoice()));
        Assert.Equal("?as-of=2026-01-31", LiveQuery.Of(new ReportChoice(AsOf: "2026-01-31", Basis: "fieldwork")));
        Assert.Equal("?from=2025-04-01&to=2026-03-31&basis=fieldwork", LiveQuery.Of(new ReportChoice(null, "2025-04-01", "2026-03-31", "fieldwork")));
    }
}
