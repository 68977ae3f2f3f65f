using System.Text.RegularExpressions;
using RatingGrid.Web.Hosting;

namespace RatingGrid.Web.Tests;

/// <summary>The deployments give the web app only settings it reads, and settings it accepts.</summary>
public sealed partial class WebDeploymentTests
{
    [Theory]
    [InlineData("kubernetes", "web.yaml")]
    [InlineData("compose", "docker-compose.yaml")]
    public void Every_web_setting_a_deployment_gives_is_one_the_web_app_reads(string folder, string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", folder, file));
        var given = WebSetting().Matches(text).Select(m => m.Groups["key"].Value).Distinct().ToList();

        Assert.Contains("ServiceAddresses", given);
        Assert.Contains("SignIn", given);
        Assert.All(given, key => Assert.True(typeof(WebSettings).GetProperty(key) is not null, $"Web__{key} is not a setting"));
    }

    [Fact]
    public void The_kubernetes_web_app_signs_in_with_openid_connect_over_tls_with_its_secret_from_a_secret()
    {
        var manifest = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "kubernetes", "web.yaml"));
        var settings = new WebSettings
        {
            ServiceAddresses = [Value(manifest, "Web__ServiceAddresses__0")],
            SignIn = Value(manifest, "Web__SignIn"),
            Authority = Value(manifest, "Web__Authority"),
            ClientId = Value(manifest, "Web__ClientId"),
            ClientSecret = "from the secret",
            TlsCertificateFile = Value(manifest, "Web__TlsCertificateFile"),
            TlsKeyFile = Value(manifest, "Web__TlsKeyFile"),
        };

        Assert.Empty(settings.Problems());
        Assert.Equal(WebSettings.OpenIdConnect, settings.SignIn);
        Assert.Matches(@"name: Web__ClientSecret\s+valueFrom:\s+secretKeyRef:", manifest);
        Assert.DoesNotContain("DevelopmentSignIn", manifest, StringComparison.Ordinal);
    }

    private static string Value(string manifest, string name) =>
        Regex.Match(manifest, $@"name: {name}\s+value: (?<v>\S+)").Groups["v"].Value;

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RatingGrid.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("RatingGrid.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"Web__(?<key>[A-Z][A-Za-z]+)")]
    private static partial Regex WebSetting();
}
