using Grpc.Core;
using Microsoft.Extensions.Options;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Reporting;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Host.Access;
using RatingGrid.Host.Configuration;
using RatingGrid.Host.Mapping;
using RatingGrid.Domain.Registry;

namespace RatingGrid.Host.Services;

/// <summary>
/// Thin: regional and national figures come ready-made from this host's copy (<see cref="Figures"/>),
/// never from another host; every answer is the view the caller may see (published work, or all work).
/// </summary>
internal sealed class AggregationGrpcService(Figures figures, IOptions<LimitSettings> limits, Watches watches, TimeProvider time)
    : AggregationService.AggregationServiceBase
{
    // A region named in an old spelling is read as its official one.
    private static string Official(string region) => PduRegistry.BuiltIn.CanonicalRegion(region);

    public override async Task<Contracts.V1.AggregateFigures> GetRegion(GetRegionRequest request, ServerCallContext context)
    {
        Checks().Name("region", request.Region).ThrowIfAny();
        RegionGuard.EnsureRegion(context.Caller(), Official(request.Region));
        var copy = await figures.CopyAsync(context.CancellationToken);
        return copy.Figures(AggregateKey.ForRegion(Official(request.Region)), context.Caller().Visibility).ToWire(copy.BehindSince);
    }

    public override async Task<ListRegionInspectionsResponse> ListRegionInspections(ListRegionInspectionsRequest request, ServerCallContext context)
    {
        Checks().Name("region", request.Region).Id("rulebook_id", request.RulebookId, required: false)
            .That(Enum.IsDefined(request.Overall), "overall", $"{(int)request.Overall} is not a rating")
            .That(Enum.IsDefined(request.Order), "order", $"{(int)request.Order} is not an order")
            .ThrowIfAny();
        RegionGuard.EnsureRegion(context.Caller(), Official(request.Region));
        var listed = (await figures.CopyAsync(context.CancellationToken)).List(AggregateKey.ForRegion(Official(request.Region)), context.Caller().Visibility).Answer;
        var filter = new StandingFilter(Official(request.Region), request.RulebookId.OrNull(), request.Overall.ToDomain());
        return new ListRegionInspectionsResponse { Inspections = { InspectionListing.Select(listed, filter, request.Order.ToDomain()).Select(s => s.ToWire()) } };
    }

    public override async Task<Contracts.V1.PduHistory> GetPduHistory(GetPduHistoryRequest request, ServerCallContext context)
    {
        Checks().Id("pdu_id", request.PduId).ThrowIfAny();
        var caller = context.Caller();
        var listed = (await figures.CopyAsync(context.CancellationToken)).List(AggregateKey.Nation, caller.Visibility).Answer;
        var history = Domain.Aggregation.PduHistory.Of(request.PduId, listed);
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
        var filter = Check(request);
        var (copy, visibility) = (await figures.CopyAsync(context.CancellationToken), context.Caller().Visibility);
        var view = copy.Figures(AggregateKey.Nation, visibility);
        if (!request.IncludeInspections)
        {
            return view.ToNationWire(copy.BehindSince);
        }

        var nation = new NationFigures { Figures = view.ToWire(copy.BehindSince) };
        nation.Inspections.AddRange(InspectionListing.Select(copy.List(AggregateKey.Nation, visibility).Answer, filter, request.Order.ToDomain()).Select(s => s.ToWire()));
        return nation;
    }

    public override async Task StreamInspectionSummaries(GetNationRequest request, IServerStreamWriter<InspectionSummary> responseStream, ServerCallContext context)
    {
        var filter = Check(request);
        var listed = (await figures.CopyAsync(context.CancellationToken)).List(AggregateKey.Nation, context.Caller().Visibility).Answer;
        foreach (var standing in InspectionListing.Select(listed, filter, request.Order.ToDomain()))
        {
            await responseStream.WriteAsync(standing.ToWire(), context.CancellationToken);
        }
    }

    public override async Task<Contracts.V1.Report> GetRegionReport(ReportRequest request, ServerCallContext context)
    {
        var query = request.ToQuery(Checks(), forRegion: true, Today());
        RegionGuard.EnsureRegion(context.Caller(), Official(request.Region));
        var (copy, visibility) = (await figures.CopyAsync(context.CancellationToken), context.Caller().Visibility);
        return copy.Report(AggregateKey.ForRegion(Official(request.Region)), query, visibility).ToWire(visibility, request.IncludeInspections, copy.BehindSince);
    }

    public override async Task<Contracts.V1.Report> GetNationReport(ReportRequest request, ServerCallContext context)
    {
        var query = request.ToQuery(Checks(), forRegion: false, Today());
        var (copy, visibility) = (await figures.CopyAsync(context.CancellationToken), context.Caller().Visibility);
        return copy.Report(AggregateKey.Nation, query, visibility).ToWire(visibility, request.IncludeInspections, copy.BehindSince);
    }

    public override async Task<RegionPdus> GetRegionPdus(GetRegionPdusRequest request, ServerCallContext context)
    {
        Checks().Name("region", request.Region).Date("as_of", request.AsOf, required: false).ThrowIfAny();
        RegionGuard.EnsureRegion(context.Caller(), Official(request.Region));
        var (copy, visibility) = (await figures.CopyAsync(context.CancellationToken), context.Caller().Visibility);
        var asOf = request.AsOf?.ToDomain() ?? Today();
        return copy.Pdus(Official(request.Region), asOf, visibility).ToWire(Official(request.Region), asOf, visibility, copy.BehindSince);
    }

    public override async Task<Contracts.V1.NationOverview> GetNationOverview(ReportRequest request, ServerCallContext context)
    {
        var query = request.ToQuery(Checks(), forRegion: false, Today());
        var (copy, visibility) = (await figures.CopyAsync(context.CancellationToken), context.Caller().Visibility);
        return copy.Overview(query, await figures.RegionsAsync(), visibility).ToWire(visibility, copy.BehindSince);
    }

    public override async Task WatchRegion(WatchRegionRequest request, IServerStreamWriter<Contracts.V1.AggregateFigures> responseStream, ServerCallContext context)
    {
        Checks().Name("region", request.Region).That(request.AfterVersion >= 0, "after_version", "must not be negative").ThrowIfAny();
        RegionGuard.EnsureRegion(context.Caller(), Official(request.Region));
        var (copy, key, visibility) = (await figures.CopyAsync(context.CancellationToken), AggregateKey.ForRegion(Official(request.Region)), context.Caller().Visibility);
        await WatchAsync(copy, key, () => copy.Figures(key, visibility), v => v.Version, v => v.ToWire(copy.BehindSince), request.AfterVersion, responseStream, context);
    }

    public override async Task WatchNation(WatchNationRequest request, IServerStreamWriter<Contracts.V1.AggregateFigures> responseStream, ServerCallContext context)
    {
        Checks().That(request.AfterVersion >= 0, "after_version", "must not be negative").ThrowIfAny();
        var (copy, visibility) = (await figures.CopyAsync(context.CancellationToken), context.Caller().Visibility);
        await WatchAsync(copy, AggregateKey.Nation, () => copy.Figures(AggregateKey.Nation, visibility), v => v.Version, v => v.ToWire(copy.BehindSince), request.AfterVersion, responseStream, context);
    }

    public override async Task WatchRegionPdus(WatchRegionPdusRequest request, IServerStreamWriter<RegionPdus> responseStream, ServerCallContext context)
    {
        Checks().Name("region", request.Region).That(request.AfterVersion >= 0, "after_version", "must not be negative").ThrowIfAny();
        RegionGuard.EnsureRegion(context.Caller(), Official(request.Region));
        var (copy, visibility) = (await figures.CopyAsync(context.CancellationToken), context.Caller().Visibility);
        // It follows today's picture, whatever day it is when a change comes.
        await WatchAsync(copy, AggregateKey.ForRegion(Official(request.Region)), () => new PdusOn(Today(), copy.Pdus(Official(request.Region), Today(), visibility)), a => a.Answer.Version,
            a => a.Answer.ToWire(Official(request.Region), a.Day, visibility, copy.BehindSince), request.AfterVersion, responseStream, context);
    }

    public override async Task WatchNationOverview(WatchNationOverviewRequest request, IServerStreamWriter<Contracts.V1.NationOverview> responseStream, ServerCallContext context)
    {
        var report = request.Report ?? new ReportRequest();
        Checks().That(request.AfterVersion >= 0, "after_version", "must not be negative").ThrowIfAny();
        _ = report.ToQuery(Checks(), forRegion: false, Today()); // refuses a malformed request before the watch starts
        var (copy, visibility, regions) = (await figures.CopyAsync(context.CancellationToken), context.Caller().Visibility, await figures.RegionsAsync());
        // Without a day or a period it follows today's picture, whatever day it is when a change comes.
        await WatchAsync(copy, AggregateKey.Nation, () => copy.Overview(report.ToQuery(Checks(), forRegion: false, Today()), regions, visibility),
            a => a.Version, a => a.ToWire(visibility, copy.BehindSince), request.AfterVersion, responseStream, context);
    }

    private Task WatchAsync<TView, TWire>(Grains.Aggregates.AggregateCopy copy, AggregateKey key, Func<TView> current, Func<TView, long> version, Func<TView, TWire> toWire,
        long afterVersion, IServerStreamWriter<TWire> responseStream, ServerCallContext context)
        where TView : class
    {
        var visibility = context.Caller().Visibility;
        return watches.FollowAsync(
            () => Task.FromResult(current()),
            async (after, timeout, ct) => await copy.WaitForChangeAsync(key, visibility, after, timeout, ct) ? current() : null,
            version, toWire, afterVersion, responseStream, context);
    }

    private StandingFilter Check(GetNationRequest request)
    {
        Checks().Name("region", request.Region, required: false).Id("rulebook_id", request.RulebookId, required: false)
            .That(Enum.IsDefined(request.Overall), "overall", $"{(int)request.Overall} is not a rating")
            .That(Enum.IsDefined(request.Order), "order", $"{(int)request.Order} is not an order")
            .ThrowIfAny();
        return new StandingFilter(Official(request.Region).OrNull(), request.RulebookId.OrNull(), request.Overall.ToDomain());
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private sealed record PdusOn(DateOnly Day, Grains.Aggregates.AggregateAnswer<IReadOnlyList<PduRow>> Answer);

    private RequestChecks Checks() => new(limits.Value);
}
