using Microsoft.Extensions.Logging.Abstractions;
using Grpc.Core;
using Microsoft.Extensions.Options;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Aggregates;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Host.Configuration;
using RatingGrid.Host.Services;

namespace RatingGrid.Host.Tests.Unit;

/// <summary>The aggregation service called directly over a host's copy of the figures, fed by hand.</summary>
public sealed class AggregationServiceTests
{
    private readonly AggregateCopy _copy = new(RulebookCatalog.BuiltIn, TimeProvider.System);
    private readonly AggregationGrpcService _service;

    public AggregationServiceTests()
    {
        _copy.CaughtUp();
        _service = new AggregationGrpcService(new Figures(_copy, new FakeGrainFactory(), TimeProvider.System), Options.Create(new LimitSettings()),
            new Watches(StayingHost.Departure(), Options.Create(new LimitSettings()), NullLogger<Watches>.Instance), TimeProvider.System);
    }

    private Task<Standing> PublishAsync(string id, string region, int cases, int seed)
    {
        var ledger = new InspectionLedger(Requests.Rulebook);
        foreach (var judgement in Enumerable.Range(0, cases).Select(c => Requests.Judgement($"c{c}", 1, seed)))
        {
            ledger.Apply(Mapping.JudgementMapping.ToDomain(judgement));
        }

        var standing = ledger.Standing(id, $"PDU {id}", region, 1);
        _copy.Take([standing]);
        return Task.FromResult(standing);
    }

    [Fact]
    public async Task The_nation_lists_the_inspections_a_filter_selects_in_the_order_asked()
    {
        var standings = new[] { await PublishAsync("a", "Wales", 6, 1), await PublishAsync("b", "Wales", 9, 2), await PublishAsync("c", "London", 4, 3) };

        var nation = await _service.GetNation(new GetNationRequest { IncludeInspections = true, Region = "Wales", Order = InspectionOrder.ScoreDescending }, TestServerCallContext.Create());

        var expected = standings.Where(s => s.Region == "Wales").OrderByDescending(s => s.Score).ThenBy(s => s.InspectionId, StringComparer.Ordinal).Select(s => s.InspectionId);
        Assert.Equal(expected, nation.Inspections.Select(s => s.InspectionId));
        Assert.Equal(19, nation.Figures.Rulebooks.Single().Cases);
        Assert.Equal(3, nation.Figures.Rulebooks.Single().Inspections);
    }

    [Fact]
    public async Task A_region_reports_its_own_pooled_figures()
    {
        await PublishAsync("a", "Wales", 6, 1);
        await PublishAsync("c", "London", 4, 3);

        var wales = await _service.GetRegion(new GetRegionRequest { Region = "Wales" }, TestServerCallContext.Create());

        Assert.Equal("Wales", wales.Scope);
        Assert.Equal(6, wales.Rulebooks.Single().Cases);
    }

    [Fact]
    public async Task A_region_bound_caller_cannot_read_another_region()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => _service.GetRegion(new GetRegionRequest { Region = "Wales" }, TestServerCallContext.Create(Callers.InRegion("reader", "London"))));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task A_rating_outside_the_enum_is_refused_naming_the_field()
    {
        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => _service.GetNation(new GetNationRequest { Overall = (Contracts.V1.Rating)42 }, TestServerCallContext.Create()));

        Assert.Equal("overall", Assert.Single(refused.Violations).Field);
    }
}
