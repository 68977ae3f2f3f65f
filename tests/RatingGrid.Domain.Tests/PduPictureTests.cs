using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Records;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Tests;

/// <summary>The current picture counts each PDU once, by its newest inspection.</summary>
public sealed class PduPictureTests
{
    private static readonly RulebookCatalog Catalog = new([TestRulebooks.Hmip2023]);
    private static readonly string[] CaseRated = ["P2.1", "P2.2", "P2.3", "P2.4"];
    private static readonly int BaseSeed = int.TryParse(Environment.GetEnvironmentVariable("RATINGGRID_SEED"), out var seed) ? seed : 20261201;

    [Fact]
    public void A_pdu_inspected_twice_counts_once_by_its_newest_inspection()
    {
        var aggregate = new Aggregate(Catalog);
        // Redcar's 2025 inspection is Requires improvement; an earlier one of the same PDU has every case-rated standard Outstanding.
        aggregate.Replace(RedcarCases.Ledger(SharedFixtures.Load("redcar-2025.json").RootElement)
            .Standing("redcar-2025", "Redcar", "North East", 1, pduId: "redcar", fieldwork: Fieldwork(2025, 6)));
        aggregate.Replace(Rated(Answer.Yes).Standing("redcar-2022", "Redcar", "North East", 1, pduId: "redcar", fieldwork: Fieldwork(2022, 3)));

        var figures = aggregate.Figures(TestRulebooks.Hmip2023.Key);

        Assert.Equal(2, figures.Pooled.Inspections);
        Assert.Equal(1, figures.Current.Pdus);
        Assert.Equal(1, figures.Current.Overall.ByRating[Rating.RequiresImprovement]);
        Assert.Equal(0, figures.Current.Overall.ByRating[Rating.Outstanding]);
        Assert.Equal(1, figures.Current.Standards["P2.1"].ByRating[Rating.Inadequate]); // Redcar 2025: 30% safety
        Assert.Equal(0, figures.Current.Standards["P2.1"].ByRating[Rating.Outstanding]);
        Assert.Equal(1, figures.Standards["P2.1"].ByRating[Rating.Outstanding]);       // every inspection: both count
    }

    [Fact]
    public void After_any_sequence_of_standings_the_picture_equals_one_recomputed_from_the_newest_of_each_pdu()
    {
        for (var s = 0; s < 200; s++)
        {
            var random = new Random(BaseSeed + s);
            var aggregate = new Aggregate(Catalog);
            var versions = new Dictionary<string, long>();
            for (var step = 0; step < 60; step++)
            {
                var number = random.Next(12);
                var inspection = $"i{number}";
                var version = versions[inspection] = versions.GetValueOrDefault(inspection) + 1;
                var answer = (Answer)random.Next(1, 3);
                var pdu = $"pdu{number % 4}";
                aggregate.Replace(Rated(answer).Standing(inspection, pdu, "R", version, pduId: pdu,
                    fieldwork: Fieldwork(2020 + random.Next(5), 1 + random.Next(12))));

                var expected = aggregate.Standings.GroupBy(x => x.PduKey)
                    .Select(g => g.Aggregate((newest, next) => Recency.IsNewer(next, newest) ? next : newest))
                    .ToList();
                var current = aggregate.Figures(TestRulebooks.Hmip2023.Key).Current;
                Assert.True(expected.Count == current.Pdus, $"seed {BaseSeed + s}, step {step}: {current.Pdus} PDUs, expected {expected.Count}");
                foreach (var rating in RatingNames.Scale)
                {
                    Assert.True(expected.Count(x => x.Overall == rating) == current.Overall.ByRating[rating], $"seed {BaseSeed + s}, step {step}: {rating}");
                    Assert.True(expected.Count(x => x.StandardRatings["P2.2"] == rating) == current.Standards["P2.2"].ByRating[rating], $"seed {BaseSeed + s}, step {step}: P2.2 {rating}");
                }

                Assert.Equal(expected.Count(x => x.Overall is null), current.Overall.Unrated);
            }
        }
    }

    [Fact]
    public void Counts_say_how_many_ratings_are_provisional_beside_those_unrated()
    {
        var aggregate = new Aggregate(Catalog);
        var partly = new InspectionLedger(TestRulebooks.Hmip2023);
        partly.Apply(Judgements.Case("c1", 1, ("P2.1.E", Answer.Yes))); // P2.1 rated from one of its three key questions
        aggregate.Replace(partly.Standing("partly", "Partly", "R", 1, pduId: "p1", fieldwork: Fieldwork(2025, 6)));
        aggregate.Replace(Rated(Answer.Yes).Standing("whole", "Whole", "R", 1, pduId: "p2", fieldwork: Fieldwork(2025, 6)));

        var figures = aggregate.Figures(TestRulebooks.Hmip2023.Key);

        Assert.Equal((2, 1), (figures.Standards["P2.1"].ByRating[Rating.Outstanding], figures.Standards["P2.1"].Provisional));
        Assert.Equal(1, figures.Current.Standards["P2.1"].Provisional);
        Assert.Equal((2, 2), (figures.Overall.Unrated, figures.Overall.Provisional)); // judged standards unrated: no overall rating yet
    }

    [Fact]
    public void A_standing_stored_before_pdus_were_kept_stands_for_its_own_pdu()
    {
        var aggregate = new Aggregate(Catalog);
        aggregate.Replace(Rated(Answer.Yes).Standing("old-1", "Old", "R", 1));
        aggregate.Replace(Rated(Answer.No).Standing("old-2", "Old", "R", 1));

        Assert.Equal(2, aggregate.Figures(TestRulebooks.Hmip2023.Key).Current.Pdus);
    }

    [Fact]
    public void A_pdus_history_runs_oldest_first_with_each_standards_change_since_the_inspection_before()
    {
        var standings = new[]
        {
            Rated(Answer.No).Standing("second", "Redcar", "North East", 1, pduId: "redcar", fieldwork: Fieldwork(2024, 5)),
            Rated(Answer.Yes).Standing("first", "Redcar", "North East", 1, pduId: "redcar", fieldwork: Fieldwork(2021, 5)),
            Rated(Answer.Yes).Standing("other", "Durham", "North East", 1, pduId: "durham", fieldwork: Fieldwork(2022, 5)),
        };

        var history = PduHistory.Of("redcar", standings);

        Assert.Equal(["first", "second"], history.Select(h => h.Standing.InspectionId));
        Assert.Empty(history[0].Changes);
        var assessment = history[1].Changes.Single(c => c.Id == "P2.1");
        Assert.Equal((Rating.Outstanding, Rating.Inadequate, -1), (assessment.Before, assessment.After, assessment.Direction));
        var leadership = history[1].Changes.Single(c => c.Id == "P1.1");
        Assert.Equal(((Rating?)null, (Rating?)null, 0), (leadership.Before, leadership.After, leadership.Direction)); // judged: unrated in both
        Assert.Equal(RatingChange.Overall, history[1].Changes[^1].Id);
        Assert.Empty(PduHistory.Of("nowhere", standings));
    }

    [Fact]
    public void A_report_stating_its_fieldwork_month_gives_way_to_that_fieldwork_rated_here_and_to_later_work_but_not_to_earlier()
    {
        var june = new Fieldwork(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30)); // "2025-06", as a report states it
        var record = Rated(Answer.Yes).Standing("report-redcar-2025", "Redcar", "North East", 1, pduId: "redcar", fieldwork: june) with { Report = Report(june) };
        var sameFieldwork = Rated(Answer.No).Standing("demo-redcar", "Redcar", "North East", 1, pduId: "redcar",
            fieldwork: new Fieldwork(new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 27)));
        var earlier = Rated(Answer.No).Standing("redcar-2025-may", "Redcar", "North East", 1, pduId: "redcar", fieldwork: Fieldwork(2025, 5));
        var sameDay = record with { Fieldwork = new Fieldwork(new DateOnly(2025, 6, 27), new DateOnly(2025, 6, 27)), Report = Report(june) with { Fieldwork = new("2025-06-27", new DateOnly(2025, 6, 27), new DateOnly(2025, 6, 27)) } };

        Assert.True(Recency.IsNewer(sameFieldwork, record));   // the cases of that June's fieldwork, rated here
        Assert.False(Recency.IsNewer(record, sameFieldwork));
        Assert.True(Recency.IsNewer(record, earlier));         // May's fieldwork ended before June's began
        Assert.True(Recency.IsNewer(sameFieldwork, sameDay));  // a report's single day: the same end, rated here first

        var aggregate = new Aggregate(Catalog);
        aggregate.Replace(record);
        aggregate.Replace(sameFieldwork);
        var figures = aggregate.Figures(TestRulebooks.Hmip2023.Key);
        Assert.Equal(1, figures.Current.Pdus);
        Assert.Equal(0, figures.Current.Standards["P2.1"].ByRating[Rating.Outstanding]); // the record's every-yes figures no longer count
    }

    private static PublishedReport Report(Fieldwork fieldwork) => new(
        Rating.Good, new Dictionary<string, Rating>(), [], null, null,
        new StatedDates("2025-06", fieldwork.Start, fieldwork.End), new StatedDates("2025", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
        "https://example.org/redcar", [], "");

    // Every case-rated key question answered the same way by three cases (judged standards unrated).
    private static InspectionLedger Rated(Answer answer)
    {
        var ledger = new InspectionLedger(TestRulebooks.Hmip2023);
        for (var i = 0; i < 3; i++)
        {
            ledger.Apply(Judgements.Case($"c{i}", 1, [.. CaseRated.SelectMany(s => Judgements.All(s, answer))]));
        }

        return ledger;
    }

    private static Fieldwork Fieldwork(int year, int month) => new(new DateOnly(year, month, 1), new DateOnly(year, month, 28));
}
