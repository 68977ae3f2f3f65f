using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using RatingGrid.Host.Hosting;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Unit;

/// <summary>
/// No Docker engine or cluster exists here, so the deployment assets are checked statically: against
/// the Kubernetes schemas (offline), and against the host's own configuration, so they cannot drift.
/// </summary>
public sealed partial class DeploymentAssetsTests
{
    private static readonly string Root = AzuriteProcess.RepositoryRoot();

    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([Root, .. path]));

    private static JsonElement HostSettings() => JsonDocument.Parse(Read("src", "RatingGrid.Host", "appsettings.json")).RootElement;

    [Fact]
    public void The_dockerfile_pins_its_base_images_runs_as_a_non_root_user_and_exposes_the_hosts_ports()
    {
        var dockerfile = Read("Dockerfile");
        var stages = Stages(dockerfile);
        var settings = HostSettings();

        var images = FromLine().Matches(dockerfile).Select(m => m.Groups["image"].Value).ToList();
        Assert.Equal(4, images.Count); // GOV.UK Frontend (node), the build (SDK), the web app and the host (ASP.NET)
        Assert.All(images, image => Assert.Matches(@":\d+\.\d+\.\d+$", image)); // a full version, never a floating tag
        Assert.Equal("host", stages.Keys.Last()); // the default target is the service

        var host = stages["host"];
        Assert.Contains("USER app", host, StringComparison.Ordinal);
        var exposed = Exposed(host);
        foreach (var (section, key) in new[] { ("Service", "GrpcPort"), ("Service", "HealthPort"), ("Silo", "SiloPort"), ("Silo", "GatewayPort") })
        {
            var port = settings.GetProperty(section).GetProperty(key).GetInt32();
            Assert.Contains(port, exposed);
            Assert.Matches($@"{section}__{key}={port}\b", host);
        }

        Assert.Matches(@"Service__Address=0\.0\.0\.0", host);

        var web = stages["web"];
        var webPort = JsonDocument.Parse(Read("src", "RatingGrid.Web", "appsettings.json")).RootElement.GetProperty("Web").GetProperty("Port").GetInt32();
        Assert.Contains("USER app", web, StringComparison.Ordinal);
        Assert.Equal([webPort], Exposed(web));
        Assert.Matches($@"Web__Port={webPort}\b", web);
        Assert.Matches(@"Web__Address=0\.0\.0\.0", web);
        Assert.Contains("RatingGrid.Web.dll", web, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Stages(string dockerfile)
    {
        var starts = FromLine().Matches(dockerfile).ToList();
        return starts.Select((m, i) => (Name: m.Groups["name"].Value, Text: dockerfile[m.Index..(i + 1 < starts.Count ? starts[i + 1].Index : dockerfile.Length)]))
            .ToDictionary(s => s.Name, s => s.Text, StringComparer.Ordinal);
    }

    private static HashSet<int> Exposed(string stage) =>
        ExposeLine().Match(stage).Groups["ports"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToHashSet();

    [Theory]
    [InlineData("src/RatingGrid.Host/RatingGrid.Host.csproj")]
    [InlineData("src/RatingGrid.Web/RatingGrid.Web.csproj")]
    public void The_dockerfile_restores_every_project_an_image_builds_from(string image)
    {
        var dockerfile = Read("Dockerfile");
        var pending = new Queue<string>([image]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var project))
        {
            if (!seen.Add(project))
            {
                continue;
            }

            // Restore runs before the sources are copied, with --no-restore after: a project missing here fails the image build.
            Assert.Contains($"COPY {project} {Path.GetDirectoryName(project)}/", dockerfile, StringComparison.Ordinal);
            var folder = Path.GetDirectoryName(project)!;
            foreach (Match reference in ProjectReference().Matches(Read([.. project.Split('/')])))
            {
                pending.Enqueue(Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(Root, folder, reference.Groups["path"].Value))).Replace('\\', '/'));
            }
        }

        Assert.Contains($"dotnet restore {image}", dockerfile, StringComparison.Ordinal);
        Assert.Contains("src/RatingGrid.Security/RatingGrid.Security.csproj", seen);
    }

    [GeneratedRegex(@"<ProjectReference Include=""(?<path>[^""]+)""")]
    private static partial Regex ProjectReference();

    [Fact]
    public void The_dockerfile_copies_every_file_outside_src_the_web_build_reads()
    {
        var dockerfile = Read("Dockerfile");
        var outside = OutsideSrc().Matches(Read("src", "RatingGrid.Web", "RatingGrid.Web.csproj")).Select(m => m.Groups["path"].Value).ToList();

        Assert.Contains("tools/govuk-frontend/TrimGovukStyles.cs", outside); // the styles task's source
        // node_modules come from the styles stage, so the build never runs the script that installs them when missing.
        foreach (var path in outside.Where(p => !p.Contains("node_modules", StringComparison.Ordinal) && !p.StartsWith("scripts/install-node-tools.sh", StringComparison.Ordinal)))
        {
            Assert.Contains($"COPY {path} {Path.GetDirectoryName(path)}/", dockerfile, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"\$\(MSBuildThisFileDirectory\)\.\./\.\./(?<path>[^""<]+)")]
    private static partial Regex OutsideSrc();

    [Theory]
    [InlineData("kubernetes", "deployment.yaml")]
    [InlineData("compose", "docker-compose.yaml")]
    public void Every_setting_a_deployment_gives_is_one_the_host_reads(string folder, string file)
    {
        var sections = new Dictionary<string, Type>
        {
            ["Service"] = typeof(Configuration.ServiceSettings),
            ["Limits"] = typeof(Configuration.LimitSettings),
            ["Silo"] = typeof(Configuration.SiloSettings),
            ["Auth"] = typeof(Configuration.AuthSettings),
            ["Storage"] = typeof(Configuration.StorageSettings),
        };
        var given = SettingName().Matches(Read("deploy", folder, file)).Select(m => (Section: m.Groups["section"].Value, Key: m.Groups["key"].Value)).ToList();

        Assert.Contains(given, g => g.Section == "Auth");
        // Web__ settings are the dashboard's, checked against it in RatingGrid.Web.Tests.
        Assert.All(given.Where(g => g.Section is not ("Orleans" or "Web")), g =>
            Assert.True(sections.TryGetValue(g.Section, out var type) && type.GetProperty(g.Key) is not null, $"{g.Section}__{g.Key} is not a setting"));
    }

    [GeneratedRegex(@"(?<section>[A-Z][A-Za-z]+)__(?<key>[A-Z][A-Za-z]+)")]
    private static partial System.Text.RegularExpressions.Regex SettingName();

    [Fact]
    public void The_kubernetes_deployment_matches_the_host()
    {
        var deployment = Read("deploy", "kubernetes", "deployment.yaml");
        var settings = HostSettings();

        foreach (var (section, key) in new[] { ("Service", "GrpcPort"), ("Service", "HealthPort"), ("Silo", "SiloPort"), ("Silo", "GatewayPort") })
        {
            Assert.Contains($"containerPort: {settings.GetProperty(section).GetProperty(key).GetInt32()}", deployment, StringComparison.Ordinal);
        }

        Assert.Contains("path: /health/ready", deployment, StringComparison.Ordinal);
        Assert.Contains("path: /health/live", deployment, StringComparison.Ordinal);
        Assert.Contains("value: AzureTable", deployment, StringComparison.Ordinal);
        Assert.Contains("fieldPath: status.podIP", deployment, StringComparison.Ordinal);
        Assert.Contains("secretKeyRef:", deployment, StringComparison.Ordinal);
        Assert.Contains("name: Auth__Authority", deployment, StringComparison.Ordinal);
        Assert.DoesNotContain("DevelopmentKey", deployment, StringComparison.Ordinal);
        var grace = int.Parse(GraceLine().Match(deployment).Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(grace > RatingGridApp.ShutdownTimeout.TotalSeconds, $"grace period {grace} s must exceed the host's shutdown timeout");
        Assert.True(int.Parse(ReplicasLine().Match(deployment).Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 3);
    }

    [Fact]
    public void A_rolling_deploy_never_runs_short_and_gives_a_leaving_host_its_time()
    {
        var deployment = Read("deploy", "kubernetes", "deployment.yaml");
        var budget = Read("deploy", "kubernetes", "pdb.yaml");
        static int Number(Regex pattern, string text) => int.Parse(pattern.Match(text).Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);

        // A new silo is ready before an old one goes, one at a time.
        Assert.Equal(0, Number(MaxUnavailable(), deployment));
        Assert.Equal(1, Number(MaxSurge(), deployment));
        Assert.Equal(Number(ReplicasLine(), deployment) - 1, Number(MinAvailable(), budget));
        // SIGTERM comes after preStop; the host may then take its whole shutdown timeout, within the grace period.
        var (preStop, grace) = (Number(PreStopSleep(), deployment), Number(GraceLine(), deployment));
        Assert.InRange(preStop, 1, 30);
        Assert.True(grace > preStop + RatingGridApp.ShutdownTimeout.TotalSeconds, $"grace {grace} s must exceed preStop {preStop} s plus the shutdown timeout");
    }

    [GeneratedRegex(@"maxUnavailable: (?<n>\d+)")]
    private static partial Regex MaxUnavailable();

    [GeneratedRegex(@"maxSurge: (?<n>\d+)")]
    private static partial Regex MaxSurge();

    [GeneratedRegex(@"minAvailable: (?<n>\d+)")]
    private static partial Regex MinAvailable();

    [GeneratedRegex(@"preStop:\s+sleep:\s+seconds: (?<n>\d+)")]
    private static partial Regex PreStopSleep();

    [Fact]
    public async Task The_kubernetes_manifests_validate_against_the_api_schemas()
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        start.ArgumentList.Add(Path.Combine("tools", "k8s-validate", "validate.mjs"));
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "deploy", "kubernetes"), "*.yaml").Order())
        {
            start.ArgumentList.Add(Path.GetRelativePath(Root, file));
        }

        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await node.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(node.ExitCode == 0, output + error);
        Assert.Contains("apps/v1/Deployment ratinggrid: valid", output, StringComparison.Ordinal);
        Assert.Contains("policy/v1/PodDisruptionBudget ratinggrid: valid", output, StringComparison.Ordinal);
        Assert.Contains("apps/v1/Deployment ratinggrid-web: valid", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^FROM\s+(?<image>\S+)\s+AS\s+(?<name>\S+)", RegexOptions.Multiline)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^EXPOSE\s+(?<ports>[\d ]+)$", RegexOptions.Multiline)]
    private static partial Regex ExposeLine();

    [GeneratedRegex(@"terminationGracePeriodSeconds:\s*(?<n>\d+)")]
    private static partial Regex GraceLine();

    [GeneratedRegex(@"replicas:\s*(?<n>\d+)")]
    private static partial Regex ReplicasLine();
}
