using System.Text.Json;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Published;

/// <summary>
/// Reads the published-record file (shared/data/published-pdu-inspections-2023.json): one entry per
/// published inspection, turned into what RecordPublishedInspection takes. Only what the entry states
/// goes in: its overall rating, the standards' ratings and key-question percentages it gives (placed by
/// the order its kq_order names), score, cases, dates as stated, its addresses and notes. Each entry is
/// checked on its own; one at fault is refused with its index and field, and the rest go on.
/// </summary>
internal static class PublishedFile
{
    private static readonly Dictionary<string, Rating> Ratings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Inadequate"] = Rating.Inadequate,
        ["Requires improvement"] = Rating.RequiresImprovement,
        ["Good"] = Rating.Good,
        ["Outstanding"] = Rating.Outstanding,
    };

    private static readonly string[] Focuses = ["engagement", "desistance", "safety"];

    /// <summary>Every entry of <paramref name="json"/>, checked against the registered PDUs and the rulebook's standards and key questions.</summary>
    public static IReadOnlyList<PublishedEntry> Read(string json, Rulebook rulebook, IReadOnlyList<RegisteredPdu> pdus)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return [new PublishedEntry(0, "", null, ["the file is not a JSON array of published inspections"])];
        }

        var byName = new Dictionary<string, RegisteredPdu>(StringComparer.OrdinalIgnoreCase);
        foreach (var pdu in pdus)
        {
            foreach (var name in pdu.Aliases.Prepend(pdu.Name))
            {
                byName.TryAdd(name, pdu);
            }
        }

        return [.. document.RootElement.EnumerateArray().Select((entry, i) => Entry(i, entry, rulebook, byName))];
    }

    private static PublishedEntry Entry(int index, JsonElement entry, Rulebook rulebook, Dictionary<string, RegisteredPdu> pdus)
    {
        var problems = new List<string>();
        void Refuse(string field, string why) => problems.Add($"entry[{index}].{field}: {why}");

        var name = Text(entry, "pdu") ?? "";
        RegisteredPdu? pdu = null;
        if (name.Length == 0 || !pdus.TryGetValue(name, out pdu))
        {
            Refuse("pdu", name.Length == 0 ? "is required" : $"'{name}' is not a registered PDU (ratinggrid registry list)");
        }
        else if (Text(entry, "region") is { } region && region != pdu.Region)
        {
            Refuse("region", $"'{region}' is not {pdu.Name}'s region, {pdu.Region}");
        }

        var report = new PublishedReport { SourceUrl = Text(entry, "url") ?? "", Notes = Notes(entry) };
        if (Text(entry, "overall") is { } overall && Ratings.TryGetValue(overall, out var rating))
        {
            report.Overall = rating;
        }
        else
        {
            Refuse("overall", $"'{Text(entry, "overall")}' is not a rating ({string.Join(", ", Ratings.Keys)})");
        }

        foreach (var standard in Members(entry, "standards"))
        {
            if (standard.Value.ValueKind == JsonValueKind.String && Ratings.TryGetValue(standard.Value.GetString()!, out var given))
            {
                report.Standards.Add(new PublishedRating { StandardId = standard.Name, Rating = given });
            }
            else
            {
                Refuse($"standards.{standard.Name}", $"'{standard.Value}' is not a rating");
            }
        }

        KeyQuestions(entry, rulebook, report, Refuse);
        if (Number(entry, "score") is { } score)
        {
            report.Score = score;
        }

        if (entry.TryGetProperty("cases", out var cases) && cases.ValueKind == JsonValueKind.Object && Number(cases, "total") is { } total)
        {
            report.Cases = total;
        }

        if (Text(entry, "published") is { } published)
        {
            report.Published = StatedDateText.Read(published);
            if (report.Published.Latest is null)
            {
                Refuse("published", $"'{published}' names no day, month or year");
            }
        }
        else
        {
            Refuse("published", "is required");
        }

        if (Text(entry, "fieldwork") is { } fieldwork)
        {
            report.Fieldwork = StatedDateText.Read(fieldwork);
        }

        if (report.SourceUrl.Length > 0 ? !Uri.TryCreate(report.SourceUrl, UriKind.Absolute, out _) : report.Notes.Length == 0)
        {
            Refuse("url", report.SourceUrl.Length > 0 ? $"'{report.SourceUrl}' is not an address" : "is required unless the notes say where the figures came from");
        }

        report.Sources.AddRange(Strings(entry, "sources").Where(s => s != report.SourceUrl));
        if (problems.Count > 0 || pdu is null)
        {
            return new PublishedEntry(index, name, null, problems);
        }

        // One id per PDU and year of publication, so importing the file again records nothing new.
        var year = report.Published.Earliest?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "undated";
        return new PublishedEntry(index, name, new RecordPublishedInspectionRequest
        {
            InspectionId = $"report-{pdu.Id}-{year}",
            PduId = pdu.Id,
            Rulebook = rulebook.Ref,
            Report = report,
        }, problems);
    }

    // Each standard's figures in the order the entry's kq_order names their focuses (unnamed: engagement, desistance, safety).
    private static void KeyQuestions(JsonElement entry, Rulebook rulebook, PublishedReport report, Action<string, string> refuse)
    {
        var order = Order(Text(entry, "kq_order") ?? "");
        foreach (var standard in Members(entry, "key_questions"))
        {
            var questions = rulebook.Standards.FirstOrDefault(s => s.Id == standard.Name)?.KeyQuestions;
            if (questions is null || standard.Value.ValueKind != JsonValueKind.Array)
            {
                refuse($"key_questions.{standard.Name}", $"'{standard.Name}' is no case-rated standard of {rulebook.Ref.Id}, or its figures are not a list");
                continue;
            }

            var position = 0;
            foreach (var figure in standard.Value.EnumerateArray())
            {
                var focus = position < order.Count ? order[position] : null;
                position++;
                if (figure.ValueKind == JsonValueKind.Null)
                {
                    continue; // not published
                }

                if (figure.ValueKind != JsonValueKind.Number || questions.FirstOrDefault(q => q.Focus == focus) is not { } question)
                {
                    refuse($"key_questions.{standard.Name}[{position - 1}]", $"'{figure}' is not a percentage of a known key question");
                    continue;
                }

                report.KeyQuestions.Add(new PublishedKeyQuestion { KeyQuestionId = question.Id, Percent = figure.GetInt32() });
            }
        }
    }

    private static List<string> Order(string text)
    {
        var found = Focuses.Select(f => (Focus: f, At: text.IndexOf(f == "safety" ? "keeping other people safe" : f, StringComparison.OrdinalIgnoreCase)))
            .Where(f => f.At >= 0).OrderBy(f => f.At).Select(f => f.Focus).ToList();
        return found.Count == Focuses.Length ? found : [.. Focuses];
    }

    private static string Notes(JsonElement entry) => string.Join(" ", new[]
    {
        Text(entry, "notes"),
        Text(entry, "url") is null && Text(entry, "provenance") is { } provenance ? $"Provenance: {provenance}." : null,
        Text(entry, "published_basis") is { } basis ? $"Publication: {basis}." : null,
        entry.TryGetProperty("key_questions", out var kq) && kq.ValueKind == JsonValueKind.Object && kq.EnumerateObject().Any() && Text(entry, "kq_order") is { } order ? $"Key questions read in the order: {order}." : null,
    }.Where(n => !string.IsNullOrWhiteSpace(n)));

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static IEnumerable<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
            : [];

    private static List<JsonProperty> Members(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? [.. value.EnumerateObject()] : [];
}
