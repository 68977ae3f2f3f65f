using RatingGrid.Contracts.V1;
using RatingGrid.Security;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>
/// Reports as the inspectorate counts: the current picture as of a day, periods of fieldwork or
/// publication, filters applied to the figures; each equal to a recomputation from the inspections
/// it lists (a real host on Azurite).
/// </summary>
[Collection(nameof(SharedHost))]
public sealed class ReportTests(HostFixture host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly Dictionary<string, Judgement[]> _judgements = [];

    [Fact]
    public async Task Current_picture_and_periods_count_each_pdu_once_and_equal_a_recomputation_from_their_inspections()
    {
        var region = $"region-{Guid.NewGuid():N}";
        var p1Old = await InspectAsync(region, "p1", 2022, publish: true);
        var p1New = await InspectAsync(region, "p1", 2024, publish: true);
        var p2 = await InspectAsync(region, "p2", 2023, publish: true);
        var p3Open = await InspectAsync(region, "p3", 2024, publish: false);
        var p4 = await InspectAsync(region, "p4", 2025, publish: true);
        var everything = new AggregationService.AggregationServiceClient(host.Channel);
        await Eventually.Until(() => everything.GetRegionAsync(new GetRegionRequest { Region = region }, cancellationToken: Cancel).ResponseAsync,
            f => f.Rulebooks.Count == 1 && f.Rulebooks[0].Inspections == 5, Cancel);
        using var publicChannel = TestTokens.Channel(host.Address, TestTokens.Mint(new TokenRequest("public", [Scopes.Read], [region], TimeSpan.FromHours(1))));
        var reader = new AggregationService.AggregationServiceClient(publicChannel);

        // The current picture: each PDU once, by its newest published inspection; p3's fieldwork is not published.
        var current = await ReportAsync(reader, new ReportRequest { Region = region });
        AssertRecomputed(current, [p1New, p2, p4]);
        Assert.Equal(3, current.Rulebooks[0].Current.Pdus);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(today, new DateOnly(current.AsOf.Year, current.AsOf.Month, current.AsOf.Day));

        // Everything was published today: as of yesterday there was nothing to count.
        var yesterday = today.AddDays(-1);
        var before = await ReportAsync(reader, new ReportRequest { Region = region, AsOf = new Date { Year = yesterday.Year, Month = yesterday.Month, Day = yesterday.Day } });
        Assert.Empty(before.Rulebooks);
        Assert.Empty(before.Inspections);

        // A fieldwork period: every inspection whose fieldwork ended in it; unpublished work only for those who may see it.
        var period = new ReportPeriod { Basis = PeriodBasis.Fieldwork, From = new Date { Year = 2023, Month = 1, Day = 1 }, To = new Date { Year = 2024, Month = 12, Day = 31 } };
        AssertRecomputed(await ReportAsync(reader, new ReportRequest { Region = region, Period = period }), [p1New, p2]);
        var withWork = await ReportAsync(everything, new ReportRequest { Region = region, Period = period });
        AssertRecomputed(withWork, [p1New, p2, p3Open]);
        Assert.True(withWork.IncludesUnpublished);

        // A publication period: both of p1's inspections were published in it, and p1 still counts as one PDU.
        var published = await ReportAsync(reader, new ReportRequest
        {
            Region = region,
            Period = new ReportPeriod { Basis = PeriodBasis.Publication, From = current.AsOf, To = current.AsOf },
        });
        AssertRecomputed(published, [p1Old, p1New, p2, p4]);
        Assert.Equal(3, published.Rulebooks[0].Current.Pdus);

        // A rating filter applies to the figures, not only to the list.
        var rating = current.Inspections.Single(i => i.InspectionId == p2).Overall;
        var filtered = await ReportAsync(reader, new ReportRequest { Region = region, Overall = rating });
        var rated = current.Inspections.Where(i => i.Overall == rating).Select(i => i.InspectionId).ToArray();
        AssertRecomputed(filtered, rated);

        // The nation's report with the region as a filter says the same.
        AssertRecomputed(await ReportAsync(everything, new ReportRequest { Region = region, Period = period }, nation: true), [p1New, p2, p3Open]);
    }

    private static async Task<Report> ReportAsync(AggregationService.AggregationServiceClient client, ReportRequest request, bool nation = false)
    {
        request.IncludeInspections = true;
        return nation
            ? await client.GetNationReportAsync(request, cancellationToken: Cancel)
            : await client.GetRegionReportAsync(request, cancellationToken: Cancel);
    }

    private void AssertRecomputed(Report report, string[] expected)
    {
        Assert.Equal(expected.Order(StringComparer.Ordinal), report.Inspections.Select(i => i.InspectionId));
        Assert.Single(report.Rulebooks);
        Requests.AssertSamePooled(Requests.FromScratchPooled(expected.Select(id => _judgements[id])), report.Rulebooks[0]);
        Assert.Equal(report.Inspections.Select(i => i.PduId).Distinct().Count(), report.Rulebooks[0].Current.Pdus);
        var byOverall = report.Inspections.GroupBy(i => i.PduId).Select(g => g.MaxBy(i => (i.FieldworkEnd.Year, i.FieldworkEnd.Month, i.FieldworkEnd.Day))!.Overall).ToList();
        var counts = report.Rulebooks[0].Current.Overall;
        Assert.Equal(byOverall.Count(r => r == Rating.Inadequate), counts.Inadequate);
        Assert.Equal(byOverall.Count(r => r == Rating.RequiresImprovement), counts.RequiresImprovement);
        Assert.Equal(byOverall.Count(r => r == Rating.Good), counts.Good);
        Assert.Equal(byOverall.Count(r => r == Rating.Outstanding), counts.Outstanding);
    }

    private async Task<string> InspectAsync(string region, string pdu, int year, bool publish)
    {
        var id = Requests.NewId($"report-{pdu}-{year}");
        var open = Requests.Open(id);
        (open.Region, open.PduId) = (region, $"{region}-{pdu}");
        await host.Channel.RegisterAsync(region, open.PduId);
        open.FieldworkStart = new Date { Year = year, Month = 5, Day = 6 };
        open.FieldworkEnd = new Date { Year = year, Month = 5, Day = 30 };
        await host.Inspections.OpenInspectionAsync(open, cancellationToken: Cancel);
        var judgements = Enumerable.Range(0, 12).Select(c => Requests.Judgement($"c{c}", 1, seed: year * 10 + pdu.Length + c)).ToArray();
        _judgements[id] = judgements;
        await host.Inspections.RecordJudgementsAsync(Requests.Record(id, judgements), cancellationToken: Cancel);
        if (publish)
        {
            await host.Inspections.CloseInspectionAsync(new InspectionActionRequest { InspectionId = id }, cancellationToken: Cancel);
            await host.Inspections.PublishInspectionAsync(new InspectionActionRequest { InspectionId = id }, cancellationToken: Cancel);
        }

        return id;
    }
}
