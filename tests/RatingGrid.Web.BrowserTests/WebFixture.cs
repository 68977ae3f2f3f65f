using RatingGrid.Testing;

namespace RatingGrid.Web.BrowserTests;

/// <summary>
/// A host with a development key (in process) and the web app in front of it (its own process),
/// using the host's development sign-in, as <c>scripts/run.sh</c> runs them.
/// </summary>
public class WebFixture(Azurite azurite) : HostFixture(azurite)
{
    private WebProcess? _web;

    /// <summary>Where browsers load the pages.</summary>
    public string PagesAddress => _web!.Address;

    internal WebProcess Web => _web!;

    protected virtual IReadOnlyDictionary<string, string> WebSettings => new Dictionary<string, string>
    {
        ["Web:SignIn"] = "Development",
        ["Web:DevelopmentSignIn"] = WebAddress + "/",
        // The live feeds say when they end (a test waits for it).
        ["Logging:LogLevel:RatingGrid.Web.Live"] = "Debug",
    };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var settings = new Dictionary<string, string>(WebSettings) { ["Web:ServiceAddresses:0"] = Address };
        _web = await WebProcess.StartAsync(settings, CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        _web?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
