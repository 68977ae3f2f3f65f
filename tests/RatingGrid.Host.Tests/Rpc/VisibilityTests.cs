using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using RatingGrid.Contracts.V1;
using RatingGrid.Security;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>
/// Unpublished figures reach only callers with the scope for them: each rpc checked with a token
/// that may see published work only, one given embargoed copies, and one that may see everything
/// (a real host on Azurite).
/// </summary>
[Collection(nameof(SharedHost))]
public sealed class VisibilityTests(HostFixture host)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private InspectionService.InspectionServiceClient Inspections => host.Inspections;

    private GrpcChannel Channel(string subject, params string[] scopes) =>
        TestTokens.Channel(host.Address, TestTokens.Mint(new TokenRequest(subject, scopes, ["*"], Hour)));

    [Fact]
    public async Task Fieldwork_closed_and_embargoed_inspections_are_invisible_to_a_published_only_token_through_every_rpc()
    {
        var region = $"region-{Guid.NewGuid():N}";
        var open = await OpenAsync(region);
        var closed = await OpenAsync(region);
        await Inspections.CloseInspectionAsync(new InspectionActionRequest { InspectionId = closed }, cancellationToken: Cancel);
        var embargoed = await OpenAsync(region);
        await Inspections.CloseInspectionAsync(new InspectionActionRequest { InspectionId = embargoed }, cancellationToken: Cancel);
        await Inspections.EmbargoInspectionAsync(new EmbargoInspectionRequest { InspectionId = embargoed, PublishAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)) }, cancellationToken: Cancel);
        var published = await PublishedAsync(region);
        var everyone = new AggregationService.AggregationServiceClient(host.Channel);
        await Eventually.Until(() => everyone.GetRegionAsync(new GetRegionRequest { Region = region }, cancellationToken: Cancel).ResponseAsync,
            f => f.Rulebooks.Count == 1 && f.Rulebooks[0].Inspections == 4, Cancel);

        using var publicChannel = Channel("public", Scopes.Read, Scopes.National, Scopes.Write, Scopes.Admin);
        var reader = new InspectionService.InspectionServiceClient(publicChannel);
        var aggregation = new AggregationService.AggregationServiceClient(publicChannel);
        foreach (var hidden in new[] { open, closed, embargoed })
        {
            await RefusedAsync(() => reader.GetInspectionAsync(new GetInspectionRequest { InspectionId = hidden }, cancellationToken: Cancel).ResponseAsync);
            await RefusedAsync(() => reader.GetBreakdownsAsync(new GetBreakdownsRequest { InspectionId = hidden }, cancellationToken: Cancel).ResponseAsync);
            await RefusedAsync(() => reader.GetCaseHistoryAsync(new GetCaseHistoryRequest { InspectionId = hidden, CaseId = "c0" }, cancellationToken: Cancel).ResponseAsync);
            await RefusedAsync(async () =>
            {
                using var watch = reader.WatchInspection(new WatchInspectionRequest { InspectionId = hidden }, cancellationToken: Cancel);
                await watch.ResponseStream.MoveNext(Cancel);
            });
            var history = await Assert.ThrowsAsync<RpcException>(() => aggregation.GetPduHistoryAsync(new GetPduHistoryRequest { PduId = PduOf(hidden) }, cancellationToken: Cancel).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, history.StatusCode);
        }

        Assert.NotNull((await reader.GetInspectionAsync(new GetInspectionRequest { InspectionId = published }, cancellationToken: Cancel)).Results);
        Assert.Single((await aggregation.GetPduHistoryAsync(new GetPduHistoryRequest { PduId = PduOf(published) }, cancellationToken: Cancel)).Inspections);

        // Figures, lists and reports: the published inspection alone.
        var regionFigures = await aggregation.GetRegionAsync(new GetRegionRequest { Region = region }, cancellationToken: Cancel);
        Assert.Equal((1, 1), (regionFigures.Rulebooks[0].Inspections, regionFigures.Rulebooks[0].Current.Pdus));
        string[] onlyPublished = [published];
        Assert.Equal(onlyPublished, (await aggregation.ListRegionInspectionsAsync(new ListRegionInspectionsRequest { Region = region }, cancellationToken: Cancel)).Inspections.Select(i => i.InspectionId));
        var nation = await aggregation.GetNationAsync(new GetNationRequest { Region = region, IncludeInspections = true }, cancellationToken: Cancel);
        Assert.Equal(onlyPublished, nation.Inspections.Select(i => i.InspectionId));
        Assert.Equal(onlyPublished, await SummariesAsync(aggregation, region));
        Assert.Equal((await SummariesAsync(aggregation, "")).Length, nation.Figures.Rulebooks[0].Inspections); // the nation's figures: published work only
        foreach (var report in new[]
        {
            await aggregation.GetRegionReportAsync(new ReportRequest { Region = region, IncludeInspections = true }, cancellationToken: Cancel),
            await aggregation.GetNationReportAsync(new ReportRequest { Region = region, IncludeInspections = true }, cancellationToken: Cancel),
        })
        {
            Assert.Equal(onlyPublished, report.Inspections.Select(i => i.InspectionId));
            Assert.Equal(1, report.Rulebooks[0].Inspections);
            Assert.False(report.IncludesUnpublished);
        }

        var pdus = await aggregation.GetRegionPdusAsync(new GetRegionPdusRequest { Region = region }, cancellationToken: Cancel);
        Assert.Equal(onlyPublished, pdus.Pdus.Select(p => p.Newest.InspectionId));
        Assert.False(pdus.IncludesUnpublished);
        using (var watch = aggregation.WatchRegionPdus(new WatchRegionPdusRequest { Region = region }, cancellationToken: Cancel))
        {
            Assert.True(await watch.ResponseStream.MoveNext(Cancel));
            Assert.Equal(onlyPublished, watch.ResponseStream.Current.Pdus.Select(p => p.Newest.InspectionId));
        }

        var overview = await aggregation.GetNationOverviewAsync(new ReportRequest { Region = region }, cancellationToken: Cancel);
        Assert.Equal((1, false), (overview.Nation.Rulebooks[0].Inspections, overview.Nation.IncludesUnpublished));
        using (var watch = aggregation.WatchNationOverview(new WatchNationOverviewRequest { Report = new ReportRequest { Region = region } }, cancellationToken: Cancel))
        {
            Assert.True(await watch.ResponseStream.MoveNext(Cancel));
            Assert.Equal(1, watch.ResponseStream.Current.Nation.Rulebooks[0].Inspections);
        }

        using (var watch = aggregation.WatchRegion(new WatchRegionRequest { Region = region }, cancellationToken: Cancel))
        {
            Assert.True(await watch.ResponseStream.MoveNext(Cancel));
            Assert.Equal(1, watch.ResponseStream.Current.Rulebooks[0].Inspections);
        }

        var nationNow = (await aggregation.GetNationAsync(new GetNationRequest(), cancellationToken: Cancel)).Figures;
        using (var watch = aggregation.WatchNation(new WatchNationRequest(), cancellationToken: Cancel))
        {
            Assert.True(await watch.ResponseStream.MoveNext(Cancel));
            Assert.Equal(nationNow.Rulebooks.Sum(r => r.Inspections), watch.ResponseStream.Current.Rulebooks.Sum(r => r.Inspections));
        }

        // What writes and lifecycle moves answer carries no figures either.
        var ack = await reader.RecordJudgementsAsync(Requests.Record(open, Requests.Judgement("extra", 1)), cancellationToken: Cancel);
        Assert.Null(ack.Summary);
        var withdrawn = await reader.WithdrawCaseAsync(new WithdrawCaseRequest { InspectionId = open, CaseId = "extra", Revision = 2 }, cancellationToken: Cancel);
        Assert.Null(withdrawn.Summary);
        var reopened = await reader.ReopenInspectionAsync(new InspectionActionRequest { InspectionId = closed }, cancellationToken: Cancel);
        Assert.Null(reopened.Results);

        // With the scopes for them: embargoed copies, then everything.
        using var pressChannel = Channel("press", Scopes.Read, Scopes.Embargoed);
        var press = new InspectionService.InspectionServiceClient(pressChannel);
        Assert.NotNull((await press.GetInspectionAsync(new GetInspectionRequest { InspectionId = embargoed }, cancellationToken: Cancel)).Results);
        await RefusedAsync(() => press.GetInspectionAsync(new GetInspectionRequest { InspectionId = closed }, cancellationToken: Cancel).ResponseAsync);
        var pressList = await new AggregationService.AggregationServiceClient(pressChannel).ListRegionInspectionsAsync(new ListRegionInspectionsRequest { Region = region }, cancellationToken: Cancel);
        Assert.Equal(new[] { embargoed, published }.Order(StringComparer.Ordinal), pressList.Inspections.Select(i => i.InspectionId));

        using var teamChannel = Channel("team", Scopes.Read, Scopes.Unpublished);
        var team = new InspectionService.InspectionServiceClient(teamChannel);
        Assert.NotNull((await team.GetInspectionAsync(new GetInspectionRequest { InspectionId = open }, cancellationToken: Cancel)).Results);
        var teamFigures = await new AggregationService.AggregationServiceClient(teamChannel).GetRegionAsync(new GetRegionRequest { Region = region }, cancellationToken: Cancel);
        Assert.Equal(4, teamFigures.Rulebooks[0].Inspections);
    }

    [Fact]
    public async Task A_correction_in_progress_keeps_the_published_figures_until_the_inspection_is_published_again()
    {
        var region = $"region-{Guid.NewGuid():N}";
        var id = await PublishedAsync(region);
        using var publicChannel = Channel("public", Scopes.Read);
        var aggregation = new AggregationService.AggregationServiceClient(publicChannel);
        var before = await Eventually.Until(() => aggregation.GetRegionAsync(new GetRegionRequest { Region = region }, cancellationToken: Cancel).ResponseAsync,
            f => f.Rulebooks.Count == 1, Cancel);
        Assert.Equal(3, before.Rulebooks[0].Cases);

        await Inspections.CorrectInspectionAsync(new CorrectInspectionRequest { InspectionId = id, Reason = "A fourth case was left out." }, cancellationToken: Cancel);
        await Inspections.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c3", 1)), cancellationToken: Cancel);
        var everyone = new AggregationService.AggregationServiceClient(host.Channel);
        await Eventually.Until(() => everyone.GetRegionAsync(new GetRegionRequest { Region = region }, cancellationToken: Cancel).ResponseAsync,
            f => f.Rulebooks[0].Cases == 4, Cancel);

        Assert.Equal(3, (await aggregation.GetRegionAsync(new GetRegionRequest { Region = region }, cancellationToken: Cancel)).Rulebooks[0].Cases);
        var listed = (await aggregation.ListRegionInspectionsAsync(new ListRegionInspectionsRequest { Region = region }, cancellationToken: Cancel)).Inspections.Single();
        Assert.Equal((3, InspectionStatus.Published), (listed.Cases, listed.Status));
        await RefusedAsync(() => new InspectionService.InspectionServiceClient(publicChannel).GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel).ResponseAsync);

        await Inspections.CloseInspectionAsync(new InspectionActionRequest { InspectionId = id }, cancellationToken: Cancel);
        await Inspections.PublishInspectionAsync(new InspectionActionRequest { InspectionId = id }, cancellationToken: Cancel);
        var after = await Eventually.Until(() => aggregation.GetRegionAsync(new GetRegionRequest { Region = region }, cancellationToken: Cancel).ResponseAsync,
            f => f.Rulebooks[0].Cases == 4, Cancel);
        Assert.Equal(4, after.Rulebooks[0].Cases);
    }

    private static async Task RefusedAsync(Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains(Scopes.Unpublished, refused.Status.Detail, StringComparison.Ordinal);
    }

    private static async Task<string[]> SummariesAsync(AggregationService.AggregationServiceClient aggregation, string region)
    {
        using var call = aggregation.StreamInspectionSummaries(new GetNationRequest { Region = region }, cancellationToken: Cancel);
        var ids = new List<string>();
        while (await call.ResponseStream.MoveNext(Cancel))
        {
            ids.Add(call.ResponseStream.Current.InspectionId);
        }

        return [.. ids];
    }

    private static string PduOf(string inspectionId) => $"pdu-{inspectionId}";

    private async Task<string> PublishedAsync(string region)
    {
        var id = await OpenAsync(region);
        await Inspections.CloseInspectionAsync(new InspectionActionRequest { InspectionId = id }, cancellationToken: Cancel);
        await Inspections.PublishInspectionAsync(new InspectionActionRequest { InspectionId = id }, cancellationToken: Cancel);
        return id;
    }

    private async Task<string> OpenAsync(string region)
    {
        var id = Requests.NewId("visibility");
        var open = Requests.Open(id);
        (open.Region, open.PduId) = (region, PduOf(id));
        await host.Channel.RegisterAsync(region, open.PduId);
        await Inspections.OpenInspectionAsync(open, cancellationToken: Cancel);
        await Inspections.RecordJudgementsAsync(Requests.Record(id, [.. Enumerable.Range(0, 3).Select(c => Requests.Judgement($"c{c}", 1))]), cancellationToken: Cancel);
        return id;
    }
}
