using System.Text.Json.Nodes;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Tests;

/// <summary>The shipped rulebook, and variants of its JSON for tests of settings and validation.</summary>
internal static class TestRulebooks
{
    public static Rulebook Hmip2023 => RulebookCatalog.BuiltIn.Get(RulebookCatalog.DefaultKey);

    public static string Hmip2023Json()
    {
        var assembly = typeof(RulebookCatalog).Assembly;
        using var stream = assembly.GetManifestResourceStream("RatingGrid.Domain.Rulebooks.hmip-pdu-2023.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The 2023 rulebook's JSON after <paramref name="change"/>, not yet validated.</summary>
    public static string Hmip2023JsonWith(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Hmip2023Json(), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    public static Rulebook Hmip2023With(Action<JsonObject> change) => RulebookLoader.Parse(Hmip2023JsonWith(change), "test variant");

    public static Rulebook FromTestData(string fileName) =>
        RulebookLoader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", fileName)), fileName);
}
