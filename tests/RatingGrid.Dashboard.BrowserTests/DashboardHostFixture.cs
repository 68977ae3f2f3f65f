using RatingGrid.Testing;

namespace RatingGrid.Dashboard.BrowserTests;

/// <summary>A host of its own for the browser tests: a development key, so its dashboard offers the development sign-in.</summary>
public sealed class DashboardHostFixture(Azurite azurite) : HostFixture(azurite);
