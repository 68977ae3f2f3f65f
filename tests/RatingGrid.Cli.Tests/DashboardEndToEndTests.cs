using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using RatingGrid.Contracts.V1;
using RatingGrid.Host.Tests;
using RatingGrid.Testing;

namespace RatingGrid.Cli.Tests;

/// <summary>
/// A host serving the published dashboard, without authentication: sign-in is not built yet, so the
/// page calls as an anonymous browser would on a host started with Auth:Mode=None.
/// </summary>
public sealed class OpenDashboardHostFixture(Azurite azurite) : HostFixture(azurite)
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } =
        new Dictionary<string, string?> { ["Auth:Mode"] = "None", ["Auth:DevelopmentKeyFile"] = "" };
}

/// <summary>The dashboard in a real headless Chromium against a real host on Azurite.</summary>
public sealed partial class DashboardEndToEndTests(OpenDashboardHostFixture host) : IClassFixture<OpenDashboardHostFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_inspection_page_reads_redcar_as_published_and_shows_a_judgement_streamed_while_it_is_open()
    {
        var demo = await Cli.RunAsync($"http://127.0.0.1:{host.GrpcPort}", "demo");
        Assert.True(demo.Exit == 0, demo.Err);
        var match = DemoInspection().Match(demo.Out);
        Assert.True(match.Success, demo.Out);
        var id = match.Groups[1].Value;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{host.WebAddress}/inspections/{id}");
        page.Console += (_, message) => TestContext.Current.TestOutputHelper?.WriteLine($"console: {message.Text}");
        var overall = page.Locator("[data-overall]");
        try
        {
            await Assertions.Expect(overall).ToContainTextAsync("Score 5 / 21: Requires improvement");
        }
        catch (PlaywrightException)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(await page.ContentAsync());
            throw;
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("inspection.png"), FullPage = true });

        var shown = await page.Locator("[data-percent]").AllTextContentsAsync();
        Assert.Equal(Published(), shown);

        // Accessibility (axe-core, WCAG 2.2 AA rules): no serious or critical violation.
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes)").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));

        // A judgement acknowledged through gRPC reaches the open page by its watch.
        var before = await page.Locator("[data-key-question='P2.1.S'] [data-percent]").TextContentAsync();
        var safety = new Judgement { CaseId = "e2e-1", Revision = 1, CaseType = "community" };
        safety.Answers.Add(new KeyQuestionAnswer { KeyQuestionId = "P2.1.S", Answer = Answer.Yes });
        await host.Inspections.RecordJudgementsAsync(new RecordJudgementsRequest { InspectionId = id, Judgements = { safety }, Actor = "e2e" }, cancellationToken: Cancel);
        await Assertions.Expect(page.Locator("[data-key-question='P2.1.S'] [data-percent]")).Not.ToHaveTextAsync(before!);
        Assert.Equal("31%", await page.Locator("[data-key-question='P2.1.S'] [data-percent]").TextContentAsync()); // 14 / 45
    }

    // The twelve key-question percentages of the published Redcar report, in the report's order.
    private static List<string> Published()
    {
        using var fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(AzuriteProcess.RepositoryRoot(), "..", "shared", "fixtures", "redcar-2025.json")));
        return [.. fixture.RootElement.GetProperty("key_questions").EnumerateObject().Select(k => $"{k.Value.GetProperty("published_percent").GetInt32()}%")];
    }

    private static string Screenshot(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AzuriteProcess.RepositoryRoot(), "TestResults", "screenshots"));
        return Path.Combine(folder.FullName, name);
    }

    [GeneratedRegex(@"inspection\s+(demo-redcar-\d+)")]
    private static partial Regex DemoInspection();
}
