using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>Regions and the nation count PDUs, not inspections, in their current picture (a real host on Azurite).</summary>
[Collection(nameof(SharedHost))]
public sealed class CurrentPictureRpcTests(HostFixture host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pdu_inspected_twice_counts_once_by_its_newest_inspection_and_summaries_name_the_pdu_and_its_fieldwork()
    {
        var region = $"region-{Guid.NewGuid():N}";
        var pdu = $"pdu-{Guid.NewGuid():N}";
        var earlier = await OpenAsync(region, pdu, 2022, Answer.Yes);
        var newer = await OpenAsync(region, pdu, 2025, Answer.No);
        await OpenAsync(region, $"{pdu}-other", 2024, Answer.Yes);
        var aggregation = new AggregationService.AggregationServiceClient(host.Channel);

        var figures = await Eventually.Until(() => aggregation.GetRegionAsync(new GetRegionRequest { Region = region }, cancellationToken: Cancel).ResponseAsync,
            f => f.Rulebooks.Count == 1 && f.Rulebooks[0].Inspections == 3, Cancel);

        var current = figures.Rulebooks[0].Current;
        Assert.Equal(2, current.Pdus);
        // Every case-rated standard: all yes is Outstanding, all no Inadequate; the PDU's 2022 inspection no longer counts.
        var assessment = current.Standards.Single(s => s.StandardId == "P2.1").Counts;
        Assert.Equal(1, assessment.Inadequate);
        Assert.Equal(1, assessment.Outstanding);
        Assert.Equal(2, figures.Rulebooks[0].Standards.Single(s => s.StandardId == "P2.1").Counts.Outstanding); // every inspection

        var summaries = (await aggregation.GetNationAsync(new GetNationRequest { Region = region, IncludeInspections = true }, cancellationToken: Cancel)).Inspections;
        var newest = summaries.Single(s => s.InspectionId == newer);
        Assert.Equal(pdu, newest.PduId);
        Assert.Equal(new Date { Year = 2025, Month = 3, Day = 3 }, newest.FieldworkStart);
        Assert.Equal(new Date { Year = 2025, Month = 3, Day = 28 }, newest.FieldworkEnd);
        Assert.Equal(pdu, summaries.Single(s => s.InspectionId == earlier).PduId);
    }

    [Fact]
    public async Task A_pdus_history_shows_its_trend_and_a_token_of_another_region_is_refused()
    {
        var pdu = $"pdu-{Guid.NewGuid():N}";
        var first = await OpenAsync("North East", pdu, 2021, Answer.Yes);
        var second = await OpenAsync("North East", pdu, 2024, Answer.No);
        var aggregation = new AggregationService.AggregationServiceClient(host.Channel);

        var history = await Eventually.Until(() => aggregation.GetPduHistoryAsync(new GetPduHistoryRequest { PduId = pdu }, cancellationToken: Cancel).ResponseAsync,
            h => h.Inspections.Count == 2 && h.Inspections.All(i => i.Summary.Cases == 3), Cancel);

        Assert.Equal([first, second], history.Inspections.Select(i => i.Summary.InspectionId));
        Assert.Empty(history.Inspections[0].Changes);
        var assessment = history.Inspections[1].Changes.Single(c => c.Id == "P2.1");
        Assert.Equal((Rating.Outstanding, Rating.Inadequate, -1), (assessment.Before, assessment.After, assessment.Direction));

        using var wales = TestTokens.Channel(host.Address, TestTokens.Mint(new Security.TokenRequest("wales", [Security.Scopes.Read, Security.Scopes.Unpublished], ["Wales"], TimeSpan.FromHours(1))));
        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => new AggregationService.AggregationServiceClient(wales).GetPduHistoryAsync(new GetPduHistoryRequest { PduId = pdu }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.PermissionDenied, refused.StatusCode);
        var unknown = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => aggregation.GetPduHistoryAsync(new GetPduHistoryRequest { PduId = $"{pdu}-none" }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_regions_pdus_come_finished_each_by_its_newest_inspection_with_what_changed_since_the_one_before()
    {
        var region = $"region-{Guid.NewGuid():N}";
        var pdu = $"pdu-{Guid.NewGuid():N}";
        var earlier = await OpenAsync(region, pdu, 2022, Answer.Yes);
        var newer = await OpenAsync(region, pdu, 2025, Answer.No);
        var other = await OpenAsync(region, $"{pdu}-other", 2024, Answer.Yes);
        var aggregation = new AggregationService.AggregationServiceClient(host.Channel);

        var answer = await Eventually.Until(() => aggregation.GetRegionPdusAsync(new GetRegionPdusRequest { Region = region }, cancellationToken: Cancel).ResponseAsync,
            a => a.Pdus.Count == 2 && a.Pdus.All(p => p.Newest.Cases == 3) && a.Pdus.Sum(p => p.Inspections) == 3, Cancel);

        var twice = answer.Pdus.Single(p => p.Newest.PduId == pdu);
        Assert.Equal((newer, earlier, 2), (twice.Newest.InspectionId, twice.Previous.InspectionId, twice.Inspections));
        Assert.All(twice.Changes, c => Assert.Equal((Rating.Outstanding, Rating.Inadequate, -1), (c.Before, c.After, c.Direction)));
        Assert.Equal(["P2.1", "P2.2", "P2.3", "P2.4"], twice.Changes.Select(c => c.Id).Where(id => id != "overall").Order(StringComparer.Ordinal));
        var once = answer.Pdus.Single(p => p.Newest.PduId != pdu);
        Assert.Equal((other, null, 0), (once.Newest.InspectionId, once.Previous?.InspectionId, once.Changes.Count));
        Assert.True(answer.IncludesUnpublished);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).Year, answer.AsOf.Year);

        // The same region's report agrees: one row per PDU of its current picture.
        var report = await aggregation.GetRegionReportAsync(new ReportRequest { Region = region, IncludeInspections = true }, cancellationToken: Cancel);
        Assert.Equal(answer.Pdus.Select(p => p.Newest.InspectionId).Order(StringComparer.Ordinal), report.Inspections.Select(i => i.InspectionId));

        // As of a day before the newer inspection's fieldwork began, the earlier one is the PDU's newest.
        var then = await aggregation.GetRegionPdusAsync(new GetRegionPdusRequest { Region = region, AsOf = new Date { Year = 2023, Month = 1, Day = 1 } }, cancellationToken: Cancel);
        Assert.Equal([earlier], then.Pdus.Select(p => p.Newest.InspectionId));

        using var watch = aggregation.WatchRegionPdus(new WatchRegionPdusRequest { Region = region }, cancellationToken: Cancel);
        Assert.True(await watch.ResponseStream.MoveNext(Cancel));
        var first = watch.ResponseStream.Current.Version;
        await OpenAsync(region, $"{pdu}-third", 2024, Answer.Yes);
        Assert.True(await watch.ResponseStream.MoveNext(Cancel));
        Assert.True(watch.ResponseStream.Current.Version > first);
    }

    [Fact]
    public async Task The_nation_overview_answers_the_nations_report_and_every_regions_totals_at_once()
    {
        await OpenAsync("North East", $"pdu-{Guid.NewGuid():N}", 2024, Answer.Yes);
        var aggregation = new AggregationService.AggregationServiceClient(host.Channel);
        var registered = (await new RegistryService.RegistryServiceClient(host.Channel).ListRegionsAsync(new ListRegionsRequest(), cancellationToken: Cancel)).Regions;

        // Both from the same version of the nation's figures, once the host has read the registry
        // since the other tests registered their regions (it reads it behind the reads, every few seconds).
        var (overview, report) = await Eventually.Until(
            async () => (await aggregation.GetNationOverviewAsync(new ReportRequest(), cancellationToken: Cancel), await aggregation.GetNationReportAsync(new ReportRequest { IncludeInspections = true }, cancellationToken: Cancel)),
            both => both.Item1.Nation.Version == both.Item2.Version && both.Item1.Regions.Select(r => r.Region).SequenceEqual(registered), Cancel);

        Assert.Equal(registered, overview.Regions.Select(r => r.Region));
        foreach (var totals in overview.Regions)
        {
            var counted = report.Inspections.Where(i => i.Region == totals.Region).ToList();
            Assert.Equal(counted.Count, totals.Counted);
            Assert.Equal(counted.Count(i => i.Overall == Rating.Unspecified), totals.Overall.Unrated);
        }

        Assert.Equal(report.Rulebooks.Sum(r => r.Inspections), overview.Nation.Rulebooks.Sum(r => r.Inspections));
        Assert.Empty(overview.Nation.Inspections);
    }

    private async Task<string> OpenAsync(string region, string pdu, int year, Answer answer)
    {
        var id = Requests.NewId("picture");
        var open = Requests.Open(id);
        (open.Region, open.PduId) = (region, pdu);
        await host.Channel.RegisterAsync(region, pdu);
        open.FieldworkStart = new Date { Year = year, Month = 3, Day = 3 };
        open.FieldworkEnd = new Date { Year = year, Month = 3, Day = 28 };
        await host.Inspections.OpenInspectionAsync(open, cancellationToken: Cancel);
        var cases = Enumerable.Range(0, 3).Select(c =>
        {
            var judgement = new Judgement { CaseId = $"c{c}", Revision = 1, CaseType = "community" };
            judgement.Answers.AddRange(Requests.Rulebook.KeyQuestions.Select(k => new KeyQuestionAnswer { KeyQuestionId = k.Id, Answer = answer }));
            return judgement;
        });
        await host.Inspections.RecordJudgementsAsync(Requests.Record(id, [.. cases]), cancellationToken: Cancel);
        return id;
    }
}
