using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

[Collection(nameof(SharedHost))]
public sealed class AggregationRpcTests(HostFixture host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private AggregationService.AggregationServiceClient Aggregation => new(host.Channel);

    private async Task<string> OpenWithCases(string region, int cases)
    {
        var id = Requests.NewId("agg");
        var open = Requests.Open(id);
        (open.Region, open.PduId) = (region, Registrations.PduIn(region));
        await host.Channel.RegisterAsync(region, open.PduId);
        await host.Inspections.OpenInspectionAsync(open, cancellationToken: Cancel);
        await host.Inspections.RecordJudgementsAsync(Requests.Record(id, [.. Enumerable.Range(0, cases).Select(c => Requests.Judgement($"c{c}", 1, seed: cases))]), cancellationToken: Cancel);
        return id;
    }

    [Fact]
    public async Task Regions_and_the_nation_report_pooled_figures_and_every_inspection()
    {
        var region = $"region-{Guid.NewGuid():N}";
        var ids = new[] { await OpenWithCases(region, 3), await OpenWithCases(region, 5), await OpenWithCases($"{region}-b", 4) };

        var regional = await Eventually.Until(() => Aggregation.GetRegionAsync(new GetRegionRequest { Region = region }, cancellationToken: Cancel).ResponseAsync,
            f => f.Rulebooks.Count == 1 && f.Rulebooks[0].Cases == 8, Cancel);
        Assert.Equal(region, regional.Scope);
        Assert.Equal(2, regional.Rulebooks[0].Inspections);
        Assert.Equal(8, regional.Rulebooks[0].Cases);
        var expectedYes = 0;
        foreach (var id in ids.Take(2))
        {
            var inspection = await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel);
            expectedYes += inspection.Results.KeyQuestions.Single(k => k.KeyQuestionId == "P2.2.D").Yes;
        }

        Assert.Equal(expectedYes, regional.Rulebooks[0].KeyQuestions.Single(k => k.KeyQuestionId == "P2.2.D").Yes);

        var nation = await Eventually.Until(
            () => Aggregation.GetNationAsync(new GetNationRequest { IncludeInspections = true, Order = InspectionOrder.ScoreDescending }, cancellationToken: Cancel).ResponseAsync,
            n => ids.All(id => n.Inspections.Any(s => s.InspectionId == id)), Cancel);
        Assert.All(ids, id => Assert.Contains(nation.Inspections, s => s.InspectionId == id));
        Assert.Equal(nation.Inspections.Select(s => s.Score).OrderDescending(), nation.Inspections.Select(s => s.Score));
        Assert.Equal(nation.Figures.Rulebooks.Sum(r => r.Inspections), nation.Inspections.Count);

        using var stream = Aggregation.StreamInspectionSummaries(new GetNationRequest { Region = region }, cancellationToken: Cancel);
        var streamed = await stream.ResponseStream.ReadAllAsync(Cancel).ToListAsync(Cancel);
        Assert.Equal(ids.Take(2).Order(StringComparer.Ordinal), streamed.Select(s => s.InspectionId));
    }

    [Fact]
    public async Task A_nation_watcher_sees_the_current_figures_then_a_newer_version()
    {
        using var watch = Aggregation.WatchNation(new WatchNationRequest(), cancellationToken: Cancel);
        Assert.True(await watch.ResponseStream.MoveNext(Cancel));
        var first = watch.ResponseStream.Current.Version;

        await OpenWithCases($"watched-{Guid.NewGuid():N}", 2);

        Assert.True(await watch.ResponseStream.MoveNext(Cancel));
        Assert.True(watch.ResponseStream.Current.Version > first);
    }

    [Theory]
    [InlineData("region")]
    [InlineData("overall")]
    public async Task Bad_aggregation_requests_name_the_field(string field)
    {
        var call = field == "region"
            ? Aggregation.GetRegionAsync(new GetRegionRequest(), cancellationToken: Cancel).ResponseAsync
            : (Task)Aggregation.GetNationAsync(new GetNationRequest { Overall = (Rating)42 }, cancellationToken: Cancel).ResponseAsync;

        var refused = await Assert.ThrowsAsync<RpcException>(() => call);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(field, refused.Status.Detail, StringComparison.Ordinal);
    }
}
