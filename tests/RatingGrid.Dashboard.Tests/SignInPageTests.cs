using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RatingGrid.Dashboard.Pages;
using RatingGrid.Dashboard.SignIn;
using RatingGrid.Security.SignIn;

namespace RatingGrid.Dashboard.Tests;

/// <summary>The sign-in page: the development sign-in's form, a refusal, and the other hosts' ways.</summary>
public sealed class SignInPageTests : IDisposable
{
    private readonly DashboardFakes _fakes;
    private readonly FakeDevelopmentSignIn _signIn = new();

    public SignInPageTests() : this("development")
    {
    }

    private SignInPageTests(string mode)
    {
        _fakes = new DashboardFakes(mode);
        _fakes.Context.Services.AddSingleton<IDevelopmentSignIn>(_signIn);
    }

    public void Dispose() => _fakes.Dispose();

    private IRenderedComponent<SignInPage> Render(string address)
    {
        _fakes.Context.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return _fakes.Context.Render<SignInPage>();
    }

    [Fact]
    public void Signing_in_for_one_region_keeps_the_token_and_returns_to_the_page_asked_for()
    {
        var page = Render("sign-in?return=regions%2FLondon");
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("#region option").Count));

        page.Find("#region").Change("London");
        page.Find("#scope-national").Change(false);
        page.Find("#scope-unpublished").Change(true);
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("regions/London", _fakes.Location));
        Assert.Equal("London", Assert.Single(_signIn.Requests.Single().Regions ?? []));
        Assert.Equal("ratinggrid.unpublished", Assert.Single(_signIn.Requests.Single().Scopes ?? []));
        Assert.Equal("token-1", _fakes.Tokens.Saved?.Token);
    }

    [Theory]
    [InlineData("https%3A%2F%2Fexample.org%2F")]
    [InlineData("%2F%2Fexample.org%2Fregions")]
    [InlineData("%5C%5Cexample.org%2Fregions")]
    [InlineData("javascript%3Aalert(1)")]
    public void A_return_address_outside_the_dashboard_is_not_followed(string crafted)
    {
        var page = Render($"sign-in?return={crafted}");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("form")));

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("", _fakes.Location));
    }

    [Fact]
    public void A_refused_sign_in_shows_the_hosts_reason_and_keeps_no_token()
    {
        _signIn.Refusal = "Choose a region, or '*' for every region.";
        var page = Render("sign-in");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("form")));

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Choose a region", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Null(_fakes.Tokens.Saved);
    }

    [Fact]
    public void On_a_host_without_authentication_there_is_nothing_to_sign_in_to()
    {
        using var fakes = new DashboardFakes("none");

        var page = fakes.Context.Render<SignInPage>();

        Assert.Contains("runs without sign-in", page.Find("[data-no-sign-in]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_host_with_an_authority_the_person_is_sent_to_its_sign_in()
    {
        using var fakes = new DashboardFakes("oidc");

        fakes.Context.Render<SignInPage>();

        Assert.StartsWith("authentication/login?returnUrl=", fakes.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void While_the_hosts_choices_load_it_says_so()
    {
        _signIn.Choices = new TaskCompletionSource<SignInChoices>().Task;

        var page = Render("sign-in");

        Assert.Contains("Loading the sign-in", page.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("form"));
    }

    [Fact]
    public void An_unreachable_sign_in_says_to_try_again_and_offers_no_form()
    {
        _signIn.Choices = Task.FromException<SignInChoices>(new HttpRequestException("Connection refused"));

        var page = Render("sign-in");

        page.WaitForAssertion(() => Assert.Contains("cannot be reached (Connection refused). Try again", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("form"));
    }
}
