using RatingGrid.Testing;

namespace RatingGrid.Dashboard.BrowserTests;

/// <summary>A host trusting an OpenID Connect provider (and no development key), as in production, with that provider running beside it.</summary>
public sealed class OidcDashboardHostFixture(Azurite azurite) : HostFixture(azurite)
{
    private TestOidcProvider? _provider;

    internal TestOidcProvider Provider => _provider!;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Auth:DevelopmentKeyFile"] = "",
        ["Auth:Authority"] = _provider!.Issuer,
        ["Auth:RequireHttpsMetadata"] = "false",
        ["Auth:DashboardClientId"] = "ratinggrid-dashboard",
        ["Auth:DashboardScopes:0"] = "openid",
        ["Auth:DashboardScopes:1"] = "profile",
        ["Auth:DashboardScopes:2"] = "ratinggrid.read",
        ["Auth:DashboardScopes:3"] = "ratinggrid.unpublished",
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
