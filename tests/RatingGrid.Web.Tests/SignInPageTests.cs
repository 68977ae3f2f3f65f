using System.Net;
using System.Net.Http.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using RatingGrid.Security.SignIn;
using RatingGrid.Web.Components.Pages;
using RatingGrid.Web.Hosting;
using RatingGrid.Web.SignIn;

namespace RatingGrid.Web.Tests;

/// <summary>The sign-in page: a plain POST form for the development sign-in, the authority's sign-in otherwise, and what went wrong.</summary>
public sealed class SignInPageTests : IDisposable
{
    private WebFakes? _fakes;

    public void Dispose() => _fakes?.Dispose();

    private IRenderedComponent<SignInPage> Render(string address, string signIn = WebSettings.Development, HttpStatusCode status = HttpStatusCode.OK)
    {
        _fakes = new WebFakes(signIn);
        var choices = new SignInChoices(["London", "North East"], ["ratinggrid.read", "ratinggrid.national"], 30);
        var host = new Answering(status == HttpStatusCode.OK ? JsonContent.Create(choices) : null, status);
        _fakes.Context.Services.AddSingleton(new DevelopmentSignInClient(new HttpClient(host) { BaseAddress = new Uri("http://127.0.0.1:5082/") }));
        _fakes.Context.Services.AddSingleton<AntiforgeryStateProvider>(new Antiforgery());
        _fakes.Context.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return _fakes.Context.Render<SignInPage>();
    }

    [Fact]
    public void The_development_sign_in_is_a_post_form_with_antiforgery_the_hosts_regions_and_the_page_to_return_to()
    {
        var page = Render("sign-in?return=%2Fregions%2FLondon");

        var form = page.Find("form[data-sign-in]");
        Assert.Equal(("post", "sign-in"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal("/regions/London", form.QuerySelector("input[name=return]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal(["*", "London", "North East"], form.QuerySelectorAll("#region option").Select(o => o.GetAttribute("value")));
        Assert.Equal(["ratinggrid.national", "ratinggrid.unpublished", "ratinggrid.embargoed"], form.QuerySelectorAll("input[name=scope]").Select(o => o.GetAttribute("value")));
        Assert.Contains("30 minutes", page.Find(".govuk-warning-text").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://elsewhere.example/steal")]
    [InlineData("//elsewhere.example/steal")]
    [InlineData("/\\elsewhere.example")]
    public void A_return_address_outside_this_site_is_not_followed(string crafted)
    {
        var page = Render($"sign-in?return={Uri.EscapeDataString(crafted)}");

        Assert.Equal("/", page.Find("input[name=return]").GetAttribute("value"));
    }

    [Theory]
    [InlineData(WebSettings.Development)]
    [InlineData(WebSettings.OpenIdConnect)]
    public void A_form_refused_by_its_antiforgery_check_is_said_to_have_changed_nothing(string signIn)
    {
        var page = Render("sign-in?form=not-accepted", signIn);

        var problem = page.Find("[data-problem=FormNotAccepted]");
        Assert.Equal("alert", problem.GetAttribute("role"));
        Assert.Contains("changed nothing", problem.TextContent, StringComparison.Ordinal);
        Assert.Empty(Render("sign-in", signIn).FindAll("[data-problem=FormNotAccepted]"));
    }

    [Fact]
    public void A_refused_sign_in_shows_the_reason_the_form_came_back_with()
    {
        var page = Render("sign-in?refused=The%20name%20is%20too%20long.");

        Assert.Contains("The name is too long.", page.Find("[data-problem=SignIn]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("form[data-sign-in]"));
    }

    [Fact]
    public void Without_sign_in_there_is_nothing_to_sign_in_to() =>
        Assert.NotNull(Render("sign-in", WebSettings.None).Find("[data-no-sign-in]"));

    [Fact]
    public void At_an_authority_the_person_is_offered_its_sign_in_and_brought_back_after()
    {
        var link = Render("sign-in?return=%2Fnation", WebSettings.OpenIdConnect).Find("[data-sign-in-authority]");

        Assert.Equal("sign-in/authority?return=%2Fnation", link.GetAttribute("href"));
    }

    [Fact]
    public void An_unreachable_sign_in_says_to_try_again_and_offers_no_form()
    {
        var page = Render("sign-in", status: HttpStatusCode.ServiceUnavailable);

        Assert.Contains("Try again in a moment", page.Find("[data-problem=SignIn]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("form[data-sign-in]"));
    }

    private sealed class Answering(HttpContent? content, HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = content ?? new StringContent("") });
    }

    private sealed class Antiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("token", "__RequestVerificationToken");
    }
}
