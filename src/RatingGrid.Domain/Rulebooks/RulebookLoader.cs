using System.Text.Json;
using System.Text.Json.Serialization;

namespace RatingGrid.Domain.Rulebooks;

/// <summary>
/// Parses and validates rulebook JSON. Validation collects every problem with its location, and
/// a rulebook with any problem is never built: a broken rulebook never rates anything.
/// </summary>
public static class RulebookLoader
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt member would otherwise be silently ignored and its default used.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Parses and validates; throws <see cref="RulebookValidationException"/> listing every problem.</summary>
    public static Rulebook Parse(string json, string source)
    {
        RulebookDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<RulebookDocument>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.Path ?? "$";
            var line = ex.LineNumber is { } l ? $" (line {l + 1})" : "";
            var reason = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "is not a rulebook member (misspelt?)"
                : FirstSentence(ex.Message);
            throw new RulebookValidationException(source, [new RulebookProblem(where, $"not valid rulebook JSON{line}: {reason}")]);
        }

        if (document is null)
        {
            throw new RulebookValidationException(source, [new RulebookProblem("$", "the document is empty (null)")]);
        }

        var problems = new List<RulebookProblem>();
        var rulebook = new RulebookValidator(problems).Build(document);
        if (problems.Count > 0 || rulebook is null)
        {
            throw new RulebookValidationException(source, problems);
        }

        return rulebook;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
