using System.Text.Json;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Tests;

/// <summary>
/// The rulebook's rules checked against everything the inspectorate has published under the 2023
/// framework (shared/data/published-pdu-inspections-2023.json): where the record lets a rule be
/// checked, the published figures follow from it.
/// </summary>
public sealed class PublishedRecordTests
{
    private static readonly Rulebook Rulebook = RulebookCatalog.BuiltIn.Get(RulebookCatalog.DefaultKey);

    private static readonly Dictionary<string, Rating> Ratings = new(StringComparer.Ordinal)
    {
        ["Inadequate"] = Rating.Inadequate,
        ["Requires improvement"] = Rating.RequiresImprovement,
        ["Good"] = Rating.Good,
        ["Outstanding"] = Rating.Outstanding,
    };

    [Fact]
    public void Where_every_rating_score_or_percentage_is_published_the_rules_give_what_was_published()
    {
        using var record = SharedFixtures.Data("published-pdu-inspections-2023.json");
        var (overalls, scores, standards) = (0, 0, 0);
        foreach (var entry in record.RootElement.EnumerateArray())
        {
            var pdu = entry.GetProperty("pdu").GetString();
            var overall = Ratings[entry.GetProperty("overall").GetString()!];
            var published = entry.GetProperty("standards").EnumerateObject().ToDictionary(s => s.Name, s => Ratings[s.Value.GetString()!], StringComparer.Ordinal);

            // All seven ratings: their points, and the overall band of the sum, give the published overall rating.
            if (Rulebook.Standards.All(s => published.ContainsKey(s.Id)))
            {
                var points = published.Values.Sum(Rulebook.PointsFor);
                Assert.True(Rulebook.OverallRatingFor(points) == overall, $"{pdu}: {points} points give {Rulebook.OverallRatingFor(points)}, published {overall}");
                overalls++;
            }

            // A score: it falls in the published overall rating's band.
            if (entry.GetProperty("score") is { ValueKind: JsonValueKind.Number } score)
            {
                Assert.True(Rulebook.OverallRatingFor(score.GetInt32()) == overall, $"{pdu}: score {score.GetInt32()} is in {Rulebook.OverallRatingFor(score.GetInt32())}'s band, published {overall}");
                scores++;
            }

            // A case-rated standard with its rating and every key question's percentage: the lowest percentage's band is that rating.
            foreach (var figures in entry.GetProperty("key_questions").EnumerateObject())
            {
                var percentages = figures.Value.EnumerateArray().ToList();
                if (published.TryGetValue(figures.Name, out var rating) && percentages.All(p => p.ValueKind == JsonValueKind.Number))
                {
                    var lowest = percentages.Min(p => p.GetInt32());
                    Assert.True(RatingEngine.Band(Rulebook, lowest, 100) == rating, $"{pdu} {figures.Name}: lowest {lowest}% bands {RatingEngine.Band(Rulebook, lowest, 100)}, published {rating}");
                    standards++;
                }
            }
        }

        // What the record holds today: three with every rating, two scores, Redcar's four case-rated standards.
        Assert.Equal((3, 2, 4), (overalls, scores, standards));
    }

    [Fact]
    public void The_demo_ships_the_shared_record_unchanged()
    {
        var shipped = SharedFixtures.RepositoryFile("src/RatingGrid.Cli/Demo/published-pdu-inspections-2023.json");
        using var shared = SharedFixtures.Data("published-pdu-inspections-2023.json");

        Assert.Equal(shared.RootElement.GetRawText(), JsonDocument.Parse(shipped).RootElement.GetRawText());
    }
}
