using RatingGrid.Testing;

namespace RatingGrid.Web.BrowserTests;

/// <summary>
/// Production's sign-in: a host trusting an OpenID Connect provider (no development key), the
/// provider beside it, and the web app as the provider's confidential client.
/// </summary>
public sealed class OidcWebFixture(Azurite azurite) : WebFixture(azurite)
{
    private TestOidcProvider? _provider;

    internal TestOidcProvider Provider => _provider!;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Auth:DevelopmentKeyFile"] = "",
        ["Auth:Authority"] = _provider!.Issuer,
        ["Auth:RequireHttpsMetadata"] = "false",
    };

    protected override IReadOnlyDictionary<string, string> WebSettings => new Dictionary<string, string>
    {
        ["Web:SignIn"] = "OpenIdConnect",
        ["Web:Authority"] = _provider!.Issuer,
        ["Web:ClientId"] = TestOidcProvider.ClientId,
        ["Web:ClientSecret"] = TestOidcProvider.ClientSecret,
        ["Web:RequireHttpsMetadata"] = "false",
    };

    public override async ValueTask InitializeAsync()
    {
        _provider = await TestOidcProvider.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
