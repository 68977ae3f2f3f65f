using Grpc.Core;
using Microsoft.Extensions.Options;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Host.Access;
using RatingGrid.Host.Configuration;
using RatingGrid.Host.Mapping;

namespace RatingGrid.Host.Services;

/// <summary>
/// Thin: regional and national figures come ready-made from the aggregate grains; no fan-out to
/// inspections. Every answer is the view the caller may see (published work, or all work).
/// </summary>
internal sealed class AggregationGrpcService(IGrainFactory grains, IOptions<LimitSettings> limits, Watches watches, TimeProvider time)
    : AggregationService.AggregationServiceBase
{
    public override async Task<Contracts.V1.AggregateFigures> GetRegion(GetRegionRequest request, ServerCallContext context)
    {
        Checks().Name("region", request.Region).ThrowIfAny();
        RegionGuard.EnsureRegion(context.Caller(), request.Region);
        return (await Region(request.Region).GetAsync(context.Caller().Visibility)).ToWire();
    }

    public override async Task<ListRegionInspectionsResponse> ListRegionInspections(ListRegionInspectionsRequest request, ServerCallContext context)
    {
        Checks().Name("region", request.Region).Id("rulebook_id", request.RulebookId, required: false)
            .That(Enum.IsDefined(request.Overall), "overall", $"{(int)request.Overall} is not a rating")
            .That(Enum.IsDefined(request.Order), "order", $"{(int)request.Order} is not an order")
            .ThrowIfAny();
        RegionGuard.EnsureRegion(context.Caller(), request.Region);
        var filter = new GetNationRequest { Region = request.Region, RulebookId = request.RulebookId, Overall = request.Overall, Order = request.Order };
        return new ListRegionInspectionsResponse { Inspections = { Select(await Region(request.Region).ListAsync(context.Caller().Visibility), filter) } };
    }

    public override async Task<Contracts.V1.PduHistory> GetPduHistory(GetPduHistoryRequest request, ServerCallContext context)
    {
        Checks().Id("pdu_id", request.PduId).ThrowIfAny();
        var caller = context.Caller();
        var history = Domain.Aggregation.PduHistory.Of(request.PduId, await Nation().ListAsync(caller.Visibility));
        if (history.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.NotFound,
                $"No {(caller.Visibility == Visibility.Unpublished ? "" : "published ")}inspection of PDU '{request.PduId}' is known."));
        }

        var visible = history.Where(i => caller.Covers(i.Standing.Region)).ToList();
        if (visible.Count == 0)
        {
            RegionGuard.EnsureRegion(caller, history[^1].Standing.Region); // refuses, naming the region
        }

        return new Contracts.V1.PduHistory { PduId = request.PduId, Inspections = { visible.Select(i => i.ToWire()) } };
    }

    public override async Task<NationFigures> GetNation(GetNationRequest request, ServerCallContext context)
    {
        Check(request);
        var (nation, visibility) = (Nation(), context.Caller().Visibility);
        var view = await nation.GetAsync(visibility);
        if (!request.IncludeInspections)
        {
            return view.ToNationWire();
        }

        var figures = new NationFigures { Figures = view.ToWire() };
        figures.Inspections.AddRange(Select(await nation.ListAsync(visibility), request));
        return figures;
    }

    public override async Task StreamInspectionSummaries(GetNationRequest request, IServerStreamWriter<InspectionSummary> responseStream, ServerCallContext context)
    {
        Check(request);
        foreach (var summary in Select(await Nation().ListAsync(context.Caller().Visibility), request))
        {
            await responseStream.WriteAsync(summary, context.CancellationToken);
        }
    }

    public override async Task<Report> GetRegionReport(ReportRequest request, ServerCallContext context)
    {
        var query = request.ToQuery(Checks(), forRegion: true, Today());
        RegionGuard.EnsureRegion(context.Caller(), request.Region);
        var visibility = context.Caller().Visibility;
        return (await Region(request.Region).ReportAsync(query, visibility)).ToWire(query, visibility, request.IncludeInspections);
    }

    public override async Task<Report> GetNationReport(ReportRequest request, ServerCallContext context)
    {
        var query = request.ToQuery(Checks(), forRegion: false, Today());
        var visibility = context.Caller().Visibility;
        return (await Nation().ReportAsync(query, visibility)).ToWire(query, visibility, request.IncludeInspections);
    }

    public override Task WatchRegion(WatchRegionRequest request, IServerStreamWriter<Contracts.V1.AggregateFigures> responseStream, ServerCallContext context)
    {
        Checks().Name("region", request.Region).That(request.AfterVersion >= 0, "after_version", "must not be negative").ThrowIfAny();
        RegionGuard.EnsureRegion(context.Caller(), request.Region);
        return WatchAsync(Region(request.Region), request.AfterVersion, responseStream, context);
    }

    public override Task WatchNation(WatchNationRequest request, IServerStreamWriter<Contracts.V1.AggregateFigures> responseStream, ServerCallContext context)
    {
        Checks().That(request.AfterVersion >= 0, "after_version", "must not be negative").ThrowIfAny();
        return WatchAsync(Nation(), request.AfterVersion, responseStream, context);
    }

    private Task WatchAsync(IAggregateGrain grain, long afterVersion, IServerStreamWriter<Contracts.V1.AggregateFigures> responseStream, ServerCallContext context)
    {
        var visibility = context.Caller().Visibility;
        return watches.FollowAsync(() => grain.GetAsync(visibility), (after, timeout, ct) => grain.WaitForChangeAsync(after, visibility, timeout, ct),
            v => v.Version, v => v.ToWire(), afterVersion, responseStream, context);
    }

    private static IEnumerable<InspectionSummary> Select(IEnumerable<Standing> standings, GetNationRequest request)
    {
        var matching = standings
            .Where(s => request.Region.Length == 0 || s.Region == request.Region)
            .Where(s => request.RulebookId.Length == 0 || s.Rulebook.Id == request.RulebookId)
            .Where(s => request.Overall == Contracts.V1.Rating.Unspecified || s.Overall.ToWire() == request.Overall);
        var ordered = request.Order switch
        {
            InspectionOrder.ScoreAscending => matching.OrderBy(s => s.Score).ThenBy(s => s.InspectionId, StringComparer.Ordinal),
            InspectionOrder.ScoreDescending => matching.OrderByDescending(s => s.Score).ThenBy(s => s.InspectionId, StringComparer.Ordinal),
            _ => matching.OrderBy(s => s.InspectionId, StringComparer.Ordinal),
        };
        return ordered.Select(s => s.ToWire());
    }

    private void Check(GetNationRequest request) =>
        Checks().Name("region", request.Region, required: false).Id("rulebook_id", request.RulebookId, required: false)
            .That(Enum.IsDefined(request.Overall), "overall", $"{(int)request.Overall} is not a rating")
            .That(Enum.IsDefined(request.Order), "order", $"{(int)request.Order} is not an order")
            .ThrowIfAny();

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private RequestChecks Checks() => new(limits.Value);

    private IAggregateGrain Region(string region) => grains.GetAggregate(AggregateKey.ForRegion(region));

    private IAggregateGrain Nation() => grains.GetAggregate(AggregateKey.Nation);
}
