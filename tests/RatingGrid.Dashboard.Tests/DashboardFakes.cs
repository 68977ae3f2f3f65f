using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RatingGrid.Dashboard.Feeds;
using RatingGrid.Dashboard.SignIn;
using RatingGrid.Security.SignIn;

namespace RatingGrid.Dashboard.Tests;

/// <summary>A bUnit context with the dashboard's services replaced by fakes the test drives.</summary>
internal sealed class DashboardFakes : IDisposable
{
    public DashboardFakes(string signIn = "development")
    {
        Context.Services.AddSingleton(new SignInSettings(signIn, null, null, null));
        Context.Services.AddSingleton<ITokenSource>(Tokens);
        Context.Services.AddSingleton<ITokenStore>(Tokens);
        Context.Services.AddSingleton<IInspectionFeed>(Inspections);
        Context.Services.AddSingleton<IFiguresFeed>(Figures);
    }

    public BunitContext Context { get; } = new();

    public FakeTokenSource Tokens { get; } = new();

    public FakeInspectionFeed Inspections { get; } = new();

    public FakeFiguresFeed Figures { get; } = new();

    /// <summary>Where the page sent the browser, relative to the dashboard.</summary>
    public string Location => Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>() is var nav ? nav.ToBaseRelativePath(nav.Uri) : "";

    public void Dispose() => Context.Dispose();
}
