using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RatingGrid.Web.Hosting;
using RatingGrid.Web.Reading;

namespace RatingGrid.Web.Tests;

/// <summary>A bUnit context with the web app's reads replaced by a fake the test drives.</summary>
internal sealed class WebFakes : IDisposable
{
    public WebFakes(string signIn = WebSettings.Development)
    {
        Context.Services.AddSingleton(new WebSettings { SignIn = signIn });
        Context.Services.AddSingleton<IReads>(Reads);
        Context.AddAuthorization().SetAuthorized("tester");
    }

    public BunitContext Context { get; } = new();

    public FakeReads Reads { get; } = new();

    /// <summary>Where the page sent the browser, relative to the site.</summary>
    public string Location => Context.Services.GetRequiredService<NavigationManager>() is var nav ? nav.ToBaseRelativePath(nav.Uri) : "";

    public void Dispose() => Context.Dispose();
}
