using System.Text.Json;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Reporting;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Tests;

/// <summary>Reports take exactly the inspections their query names, and pool exactly those.</summary>
public sealed class ReportsTests
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };
    private static readonly RulebookCatalog Catalog = new([TestRulebooks.Hmip2023]);
    private static readonly string[] CaseRated = ["P2.1", "P2.2", "P2.3", "P2.4"];
    private static readonly int BaseSeed = int.TryParse(Environment.GetEnvironmentVariable("RATINGGRID_SEED"), out var seed) ? seed : 20261201;

    [Fact]
    public void The_current_picture_as_of_a_day_takes_each_pdus_newest_inspection_published_by_then()
    {
        var older = Standing("a-2022", "pdu-a", Answer.Yes, fieldworkYear: 2022, publishedOn: new DateOnly(2022, 9, 1));
        var newer = Standing("a-2024", "pdu-a", Answer.No, fieldworkYear: 2024, publishedOn: new DateOnly(2024, 9, 1));
        var fieldwork = Standing("a-2026", "pdu-a", Answer.Yes, fieldworkYear: 2026, publishedOn: null);

        var in2023 = Reports.Build([older, newer, fieldwork], new ReportQuery(new DateOnly(2023, 12, 31)), Catalog);
        var in2025 = Reports.Build([older, newer, fieldwork], new ReportQuery(new DateOnly(2025, 1, 1)), Catalog);
        var in2026 = Reports.Build([older, newer, fieldwork], new ReportQuery(new DateOnly(2026, 6, 1)), Catalog);
        var before = Reports.Build([older, newer], new ReportQuery(new DateOnly(2022, 8, 31)), Catalog);

        Assert.Equal(["a-2022"], in2023.Inspections.Select(s => s.InspectionId));
        Assert.Equal(1, in2023.Rulebooks.Single().Current.Standards["P2.1"].ByRating[Rating.Outstanding]);
        Assert.Equal(["a-2024"], in2025.Inspections.Select(s => s.InspectionId));
        Assert.Equal(["a-2026"], in2026.Inspections.Select(s => s.InspectionId)); // unpublished work counts from its fieldwork's start
        Assert.Empty(before.Inspections);
        Assert.Empty(before.Rulebooks);
    }

    [Fact]
    public void Any_report_equals_a_recomputation_from_a_brute_force_selection()
    {
        for (var s = 0; s < 300; s++)
        {
            var random = new Random(BaseSeed + s);
            var standings = Enumerable.Range(0, random.Next(1, 25)).Select(i =>
            {
                var published = random.Next(3) > 0;
                var standing = Standing($"i{i}", $"pdu{random.Next(6)}", (Answer)random.Next(1, 3), 2019 + random.Next(6),
                    published ? new DateOnly(2019 + random.Next(7), 1 + random.Next(12), 1 + random.Next(28)) : null, $"R{random.Next(2)}");
                return random.Next(8) == 0 ? standing with { Status = InspectionStatus.Open } // published, now being corrected
                    : standing;
            }).ToList();
            var query = RandomQuery(random, standings);

            var report = Reports.Build(standings, query, Catalog);
            var index = new ReportIndex();
            foreach (var standing in standings.Concat(standings.Where(_ => random.Next(4) == 0))) // some put twice, as a newer version would be
            {
                index.Put(standing);
            }

            var indexed = index.Build(query, Catalog);
            Assert.Equal(report.Inspections.Select(x => x.InspectionId), indexed.Inspections.Select(x => x.InspectionId));
            Assert.Equal(JsonSerializer.Serialize(report.Rulebooks, Json), JsonSerializer.Serialize(indexed.Rulebooks, Json));

            var expected = BruteForce(standings, query);
            var context = $"seed {BaseSeed + s}: {query}";
            Assert.True(expected.SequenceEqual(report.Inspections.Select(x => x.InspectionId)), $"{context}: took [{string.Join(",", report.Inspections.Select(x => x.InspectionId))}], expected [{string.Join(",", expected)}]");
            if (expected.Count == 0)
            {
                Assert.Empty(report.Rulebooks);
                continue;
            }

            // Every figure equals the incremental Aggregate's over the same inspections, counts by rating included.
            var aggregate = new Aggregate(Catalog);
            foreach (var standing in report.Inspections)
            {
                aggregate.Replace(standing);
            }

            Assert.Equal(JsonSerializer.Serialize(aggregate.Rulebooks.Select(aggregate.Figures).ToList(), Json), JsonSerializer.Serialize(report.Rulebooks, Json));
            var figures = report.Rulebooks.Single();
            var pooled = TallyPool.Pool(TestRulebooks.Hmip2023, report.Inspections.Select(x => x.Tallies));
            Assert.Equal(pooled.KeyQuestions.Select(k => (k.KeyQuestionId, k.Tally)), figures.Pooled.KeyQuestions.Select(k => (k.KeyQuestionId, k.Tally)));
            Assert.True(report.Inspections.Select(x => x.PduKey).Distinct().Count() == figures.Current.Pdus, context);
            if (query.Period is null)
            {
                Assert.True(report.Inspections.Count == figures.Current.Pdus, $"{context}: each PDU once");
            }
        }
    }

    // The same rules written out plainly: the current picture's newest per PDU by fieldwork end, then start, then id.
    private static List<string> BruteForce(List<Standing> standings, ReportQuery query)
    {
        var candidates = standings.Where(x => query.Region is null || x.Region == query.Region).ToList();
        List<Standing> taken;
        if (query.Period is { } period)
        {
            taken = [.. candidates.Where(x =>
            {
                var day = period.Basis == PeriodBasis.Publication ? x.PublishedOn : x.Fieldwork!.End;
                return day is { } d && period.From <= d && d <= period.To;
            })];
        }
        else
        {
            var existing = candidates.Where(x => x.Status == InspectionStatus.Published ? x.PublishedOn <= query.AsOf : x.Fieldwork!.Start <= query.AsOf);
            taken = [.. existing.GroupBy(x => x.PduKey).Select(g => g.OrderByDescending(x => x.Fieldwork!.End).ThenByDescending(x => x.Fieldwork!.Start)
                .ThenByDescending(x => x.InspectionId, StringComparer.Ordinal).First())];
        }

        return [.. taken.Where(x => query.Overall is null || x.Overall == query.Overall).Select(x => x.InspectionId).Order(StringComparer.Ordinal)];
    }

    // Days are often the standings' own, so that both ends of a period and the as-of day are tried exactly.
    private static ReportQuery RandomQuery(Random random, List<Standing> standings)
    {
        var days = standings.SelectMany(x => new[] { x.PublishedOn, x.Fieldwork!.Start, x.Fieldwork.End }).OfType<DateOnly>().ToList();
        DateOnly Day() => random.Next(2) == 0 ? days[random.Next(days.Count)] : new DateOnly(2019 + random.Next(7), 1 + random.Next(12), 1 + random.Next(28));
        var (day, other) = (Day(), Day());
        ReportPeriod? period = random.Next(2) == 0 ? null : new ReportPeriod((PeriodBasis)random.Next(2), day < other ? day : other, day < other ? other : day);
        Rating? overall = random.Next(3) == 0 ? (Rating)random.Next(4) : null;
        return new ReportQuery(day, period, Overall: overall, Region: random.Next(3) == 0 ? "R1" : null);
    }

    private static Standing Standing(string id, string pdu, Answer answer, int fieldworkYear, DateOnly? publishedOn, string region = "R")
    {
        var ledger = new InspectionLedger(TestRulebooks.Hmip2023);
        for (var i = 0; i < 3; i++)
        {
            ledger.Apply(Judgements.Case($"c{i}", 1, [.. CaseRated.SelectMany(s => Judgements.All(s, i == 0 ? Answer.Yes : answer))]));
        }

        var fieldwork = new Fieldwork(new DateOnly(fieldworkYear, 3, 1 + (id.Length % 5)), new DateOnly(fieldworkYear, 3, 20 + (id.Length % 5)));
        return ledger.Standing(id, pdu, region, 1, pduId: pdu, fieldwork: fieldwork,
            status: publishedOn is null ? InspectionStatus.Open : InspectionStatus.Published,
            publishedAt: publishedOn is { } on ? new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero) : null);
    }
}
