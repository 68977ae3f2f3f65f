using System.Text.Json;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Reporting;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

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

        var index = ReportIndex.Of([older, newer, fieldwork], Catalog);
        var in2023 = index.Build(new ReportQuery(new DateOnly(2023, 12, 31)));
        var in2025 = index.Build(new ReportQuery(new DateOnly(2025, 1, 1)));
        var in2026 = index.Build(new ReportQuery(new DateOnly(2026, 6, 1)));
        var before = ReportIndex.Of([older, newer], Catalog).Build(new ReportQuery(new DateOnly(2022, 8, 31)));

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

            var index = new ReportIndex(Catalog);
            foreach (var standing in standings.Concat(standings.Where(_ => random.Next(4) == 0))) // some put twice, as a newer version would be
            {
                index.Put(standing);
            }

            var report = index.Build(query);

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

    [Fact]
    public void Each_pdus_row_is_its_newest_inspection_by_the_day_with_the_one_before_and_what_changed()
    {
        for (var s = 0; s < 200; s++)
        {
            var random = new Random(BaseSeed + 7919 + s);
            var standings = Enumerable.Range(0, random.Next(1, 20)).Select(i => Standing($"i{i}", $"pdu{random.Next(5)}", (Answer)random.Next(1, 3),
                2019 + random.Next(6), random.Next(3) > 0 ? new DateOnly(2019 + random.Next(7), 1 + random.Next(12), 1 + random.Next(28)) : null, $"R{random.Next(2)}")).ToList();
            var asOf = new DateOnly(2019 + random.Next(8), 1 + random.Next(12), 1 + random.Next(28));
            var filter = new StandingFilter(Region: random.Next(2) == 0 ? "R1" : null);

            var rows = ReportIndex.Of(standings, Catalog).Pdus(asOf, filter);

            var expected = standings
                .Where(x => (filter.Region is null || x.Region == filter.Region) && (x.Status == InspectionStatus.Published ? x.PublishedOn <= asOf : x.Fieldwork!.Start <= asOf))
                .GroupBy(x => x.PduKey)
                .Select(g => g.OrderByDescending(x => x.Fieldwork!.End).ThenByDescending(x => x.Fieldwork!.Start).ThenByDescending(x => x.InspectionId, StringComparer.Ordinal).ToList())
                .OrderBy(g => g[0].PduName, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var context = $"seed {BaseSeed + 7919 + s}";
            Assert.True(expected.Select(g => g[0].InspectionId).SequenceEqual(rows.Select(r => r.Newest.InspectionId)), context);
            Assert.True(expected.Select(g => g.Count > 1 ? g[1].InspectionId : null).SequenceEqual(rows.Select(r => r.Previous?.InspectionId)), context);
            Assert.True(expected.Select(g => g.Count).SequenceEqual(rows.Select(r => r.Inspections)), context);
            foreach (var (group, row) in expected.Zip(rows))
            {
                var changed = group.Count < 2 ? [] : CaseRated.Prepend("P1.1").Append(RatingChange.Overall)
                    .Where(id => RatingOf(group[1], id) != RatingOf(group[0], id)).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(changed, row.Changes.Select(c => c.Id).Order(StringComparer.Ordinal));
                Assert.All(row.Changes, c => Assert.Equal((RatingOf(group[1], c.Id), RatingOf(group[0], c.Id)), (c.Before, c.After)));
            }
        }
    }

    [Fact]
    public void The_nation_overview_totals_each_region_from_what_the_nations_report_counts()
    {
        var standings = new[]
        {
            Standing("a-2022", "pdu-a", Answer.Yes, 2022, new DateOnly(2022, 9, 1), "R0"),
            Standing("a-2024", "pdu-a", Answer.No, 2024, new DateOnly(2024, 9, 1), "R0"),
            Standing("b-2024", "pdu-b", Answer.No, 2024, new DateOnly(2024, 10, 1), "R1"),
        };
        var index = ReportIndex.Of(standings, Catalog);

        RegisteredRegion[] regions = [new("R0", ["pdu-a", "pdu-c"]), new("R1", ["pdu-b"]), new("R2", ["pdu-d"])];
        var current = NationOverview.Of(index.Build(new ReportQuery(new DateOnly(2025, 1, 1))), regions);
        var period = NationOverview.Of(index.Build(new ReportQuery(default, new ReportPeriod(PeriodBasis.Publication, new DateOnly(2022, 1, 1), new DateOnly(2024, 12, 31)))), regions);

        Assert.Equal([("R0", 1, 2, 1), ("R1", 1, 1, 0), ("R2", 0, 1, 1)], current.Regions.Select(r => (r.Region, r.Counted, r.Registered, r.NotInspected)));
        Assert.Equal([("R0", 2), ("R1", 1), ("R2", 0)], period.Regions.Select(r => (r.Region, r.Counted))); // a period counts every inspection
        Assert.Equal(current.Nation.Rulebooks.Single().Overall.ByRating.Values.Sum(), current.Regions.Sum(r => r.Overall.ByRating.Values.Sum()));
    }

    private static Rating? RatingOf(Standing standing, string id) =>
        id == RatingChange.Overall ? standing.Overall : standing.StandardRatings.GetValueOrDefault(id);

    // The same rules written out plainly, apart from the Domain's: the current picture's newest per PDU
    // by fieldwork end, then start, then id; scope before choosing the newest, rating after.
    private static List<string> BruteForce(List<Standing> standings, ReportQuery query)
    {
        var candidates = standings.Where(x => query.Filter?.Region is null || x.Region == query.Filter.Region).ToList();
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

        return [.. taken.Where(x => query.Filter?.Overall is null || x.Overall == query.Filter.Overall).Select(x => x.InspectionId).Order(StringComparer.Ordinal)];
    }

    // Days are often the standings' own, so that both ends of a period and the as-of day are tried exactly.
    private static ReportQuery RandomQuery(Random random, List<Standing> standings)
    {
        var days = standings.SelectMany(x => new[] { x.PublishedOn, x.Fieldwork!.Start, x.Fieldwork.End }).OfType<DateOnly>().ToList();
        DateOnly Day() => random.Next(2) == 0 ? days[random.Next(days.Count)] : new DateOnly(2019 + random.Next(7), 1 + random.Next(12), 1 + random.Next(28));
        var (day, other) = (Day(), Day());
        ReportPeriod? period = random.Next(2) == 0 ? null : new ReportPeriod((PeriodBasis)random.Next(2), day < other ? day : other, day < other ? other : day);
        Rating? overall = random.Next(3) == 0 ? (Rating)random.Next(4) : null;
        return new ReportQuery(day, period, new StandingFilter(Overall: overall, Region: random.Next(3) == 0 ? "R1" : null));
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
