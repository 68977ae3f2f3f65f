using System.Text.Json;
using System.Text.RegularExpressions;
using RatingGrid.Testing;

namespace RatingGrid.Web.BrowserTests;

/// <summary>The real picture a fresh install shows after <c>ratinggrid demo</c>, and the published Redcar report to compare it with.</summary>
internal static partial class Demo
{
    /// <summary>Runs the demo against the host; returns the id of the Redcar inspection it rated and published.</summary>
    public static async Task<string> RunAsync(int grpcPort, params string[] extra)
    {
        var demo = await CommandLine.RunAsync($"http://127.0.0.1:{grpcPort}", ["demo", .. extra]);
        Assert.True(demo.Exit == 0, demo.Err);
        var match = DemoInspection().Match(demo.Out);
        Assert.True(match.Success, demo.Out);
        return match.Groups[1].Value;
    }

    /// <summary>The twelve key-question percentages of the published Redcar report, in the report's order.</summary>
    public static List<string> PublishedPercentages()
    {
        using var fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(AzuriteProcess.RepositoryRoot(), "..", "shared", "fixtures", "redcar-2025.json")));
        return [.. fixture.RootElement.GetProperty("key_questions").EnumerateObject().Select(k => $"{k.Value.GetProperty("published_percent").GetInt32()}%")];
    }

    /// <summary>A case the demo judged (the first of the Redcar cases it streams).</summary>
    public const string RedcarCase = "redcar-01";

    [GeneratedRegex(@"inspection\s+(demo-redcar-\d+)")]
    private static partial Regex DemoInspection();
}
