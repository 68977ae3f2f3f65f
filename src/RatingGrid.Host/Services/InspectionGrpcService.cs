using System.Threading.Channels;
using Google.Protobuf.Collections;
using Grpc.Core;
using Microsoft.Extensions.Options;
using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Registry;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.Abstractions.Registry;
using RatingGrid.Grains.Abstractions.References;
using RatingGrid.Grains.Inspections;
using RatingGrid.Host.Access;
using RatingGrid.Host.Configuration;
using RatingGrid.Host.Errors;
using RatingGrid.Host.Hosting;
using RatingGrid.Host.Mapping;

namespace RatingGrid.Host.Services;

/// <summary>
/// Thin: check the request's shape, map it, call the inspection grain, map back. Who may reach an
/// inspection and see its figures is applied to every rpc by <see cref="InspectionAccess"/>; errors
/// map in <see cref="ErrorMappingInterceptor"/>.
/// </summary>
internal sealed class InspectionGrpcService(
    IGrainFactory grains,
    RulebookCatalog rulebooks,
    IOptions<LimitSettings> limits,
    RegionGuard regions,
    HostDeparture departure,
    TimeProvider time,
    LocalInspectionViews localViews,
    Watches watches) : InspectionService.InspectionServiceBase
{
    public override async Task<Inspection> OpenInspection(OpenInspectionRequest request, ServerCallContext context)
    {
        var rulebook = request.Rulebook ?? new RulebookRef { Id = RulebookCatalog.DefaultKey.Id, Version = RulebookCatalog.DefaultKey.Version };
        Checks().Id("inspection_id", request.InspectionId).Id("pdu_id", request.PduId).Text("pdu_name", request.PduName)
            .Name("region", request.Region, required: false).Id("rulebook.id", rulebook.Id).That(rulebook.Version >= 0, "rulebook.version", "must not be negative")
            .Date("fieldwork_start", request.FieldworkStart).Date("fieldwork_end", request.FieldworkEnd).Actor(context.Caller(), request.Actor)
            .ThrowIfAny();
        var pdu = await RegisteredPduAsync(request.PduId, request.Region);
        RegionGuard.EnsureRegion(context.Caller(), pdu.Region);
        var key = ResolveRulebook(rulebook, "rulebook");
        // A name the PDU is known by (its own, or an alias) is taken as its official one; any other is kept as given.
        var name = request.PduName.Length == 0 || pdu.KnownAs(request.PduName) ? pdu.Name : request.PduName;
        var details = new InspectionDetails(pdu.Id, name, pdu.Region, key.Id, key.Version, request.FieldworkStart.ToDomain(), request.FieldworkEnd.ToDomain());
        return (await Grain(request.InspectionId).OpenAsync(details, context.Caller().Actor(request.Actor))).ToWire();
    }

    public override async Task<Inspection> RecordPublishedInspection(RecordPublishedInspectionRequest request, ServerCallContext context)
    {
        var rulebook = request.Rulebook ?? new RulebookRef { Id = RulebookCatalog.DefaultKey.Id, Version = RulebookCatalog.DefaultKey.Version };
        Checks().Id("inspection_id", request.InspectionId).Id("pdu_id", request.PduId).Id("rulebook.id", rulebook.Id)
            .That(rulebook.Version >= 0, "rulebook.version", "must not be negative").Actor(context.Caller(), request.Actor)
            .That(request.Report is not null, "report", "is required: what the published report states")
            .PublishedReport(request.Report)
            .ThrowIfAny();
        var pdu = await RegisteredPduAsync(request.PduId, "");
        RegionGuard.EnsureRegion(context.Caller(), pdu.Region);
        var key = ResolveRulebook(rulebook, "rulebook");
        var report = request.Report!.ToDomain();
        // A report's fieldwork is kept as stated (InspectionView.Report); the details hold it only where both ends are known.
        var (start, end) = report.Fieldwork is { Earliest: { } from, Latest: { } to } ? (from, to) : (DateOnly.MinValue, DateOnly.MinValue);
        var details = new InspectionDetails(pdu.Id, pdu.Name, pdu.Region, key.Id, key.Version, start, end);
        return (await Grain(request.InspectionId).RecordPublishedAsync(details, report, context.Caller().Actor(request.Actor))).ToWire();
    }

    public override async Task<Inspection> GetInspection(GetInspectionRequest request, ServerCallContext context)
    {
        Checks().Id("inspection_id", request.InspectionId).ThrowIfAny();
        // Where the inspection lives in this silo its newest view is at hand: the grain call would return that same object.
        var view = localViews.TryGet(request.InspectionId, out var local) ? local : await Grain(request.InspectionId).GetAsync();
        return view.ToWire();
    }

    public override async Task<Inspection> CloseInspection(InspectionActionRequest request, ServerCallContext context)
    {
        Checks().Id("inspection_id", request.InspectionId).Actor(context.Caller(), request.Actor).ThrowIfAny();
        return (await Grain(request.InspectionId).CloseAsync(context.Caller().Actor(request.Actor))).ToWire();
    }

    public override async Task<Inspection> ReopenInspection(InspectionActionRequest request, ServerCallContext context)
    {
        Checks().Id("inspection_id", request.InspectionId).Actor(context.Caller(), request.Actor).ThrowIfAny();
        return (await Grain(request.InspectionId).ReopenAsync(context.Caller().Actor(request.Actor))).ToWire();
    }

    public override async Task<Inspection> EmbargoInspection(EmbargoInspectionRequest request, ServerCallContext context)
    {
        var publishAt = request.PublishAt.ToDomainOrNull();
        Checks().Id("inspection_id", request.InspectionId).Actor(context.Caller(), request.Actor)
            .That(request.PublishAt is not null, "publish_at", "is required: when the embargo ends and the inspection publishes itself")
            .That(request.PublishAt is null || publishAt is not null, "publish_at", "is not a timestamp (seconds from 0001-01-01 to 9999-12-31, nanos 0 to 999,999,999)")
            .That(publishAt is null || publishAt > time.GetUtcNow(), "publish_at", $"{publishAt:u} is not in the future; to publish now, call PublishInspection")
            .ThrowIfAny();
        return (await Grain(request.InspectionId).EmbargoAsync(publishAt!.Value, context.Caller().Actor(request.Actor))).ToWire();
    }

    public override async Task<Inspection> PublishInspection(InspectionActionRequest request, ServerCallContext context)
    {
        Checks().Id("inspection_id", request.InspectionId).Actor(context.Caller(), request.Actor).ThrowIfAny();
        return (await Grain(request.InspectionId).PublishAsync(context.Caller().Actor(request.Actor))).ToWire();
    }

    public override async Task<Inspection> CorrectInspection(CorrectInspectionRequest request, ServerCallContext context)
    {
        Checks().Id("inspection_id", request.InspectionId).Actor(context.Caller(), request.Actor)
            .That(!string.IsNullOrWhiteSpace(request.Reason), "reason", "is required: say why a published inspection is corrected (it is kept in its lifecycle)")
            .Text("reason", request.Reason)
            .ThrowIfAny();
        return (await Grain(request.InspectionId).CorrectAsync(request.Reason.Trim(), context.Caller().Actor(request.Actor))).ToWire();
    }

    public override async Task<JudgementsAck> RecordJudgements(RecordJudgementsRequest request, ServerCallContext context)
    {
        var batch = ToGrainBatch(request.InspectionId, context.Caller(), request.Actor, request.Judgements);
        var receipt = await Grain(request.InspectionId).RecordJudgementsAsync(batch);
        return receipt.ToAck(0, request.InspectionId);
    }

    public override async Task StreamJudgements(IAsyncStreamReader<JudgementBatch> requestStream, IServerStreamWriter<JudgementsAck> responseStream, ServerCallContext context)
    {
        // Reading runs ahead of acknowledging (up to the in-flight limit), so concurrent batches
        // share storage writes; acknowledgements still go out one per batch, in order.
        var inFlight = Channel.CreateBounded<(JudgementBatch Batch, Task<BatchReceipt> Receipt)>(limits.Value.MaxBatchesInFlightPerStream);
        var work = departure.Working(); // until the batches read are acknowledged
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, departure.Leaving);
        var caller = context.Caller();
        var dispatcher = new StreamDispatcher(grains);
        var reader = new JudgementStreamReader(regions, dispatcher, b => ToGrainBatch(b.InspectionId, caller, b.Actor, b.Judgements), caller)
            .ReadAsync(requestStream, context.GetHttpContext().Request.BodyReader, inFlight.Writer, stopReading.Token);
        try
        {
            await foreach (var (batch, receipt) in inFlight.Reader.ReadAllAsync(context.CancellationToken))
            {
                BatchReceipt acknowledged;
                try
                {
                    if (!receipt.IsCompleted)
                    {
                        dispatcher.Release(batch.InspectionId); // the reader may be holding it back
                    }

                    acknowledged = await receipt;
                }
                catch (Exception ex) when (ErrorStatus.From(ex, $"Batch {batch.BatchId}: ") is { } status)
                {
                    throw status;
                }

                await responseStream.WriteAsync(acknowledged.ToAck(batch.BatchId, batch.InspectionId), context.CancellationToken);
            }
        }
        finally
        {
            await stopReading.CancelAsync();
            await reader;
            work.Dispose();
        }

        if (departure.Leaving.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            // Sent elsewhere only once this host's inspections can activate elsewhere.
            await departure.LeftAsync(context.CancellationToken);
            throw new RpcException(new Status(StatusCode.Unavailable,
                "The server is shutting down. Every batch acknowledged on this stream is stored; resend the others on a new stream (another host takes them now)."), HostDeparture.RetryNow);
        }
    }

    public override async Task<ChangeAck> WithdrawCase(WithdrawCaseRequest request, ServerCallContext context)
    {
        Checks().Id("inspection_id", request.InspectionId).Id("case_id", request.CaseId).Actor(context.Caller(), request.Actor).ThrowIfAny();
        return (await Grain(request.InspectionId).WithdrawCaseAsync(request.CaseId, request.Revision, context.Caller().Actor(request.Actor))).ToAck(request.InspectionId);
    }

    public override async Task<ChangeAck> SetJudgedRating(SetJudgedRatingRequest request, ServerCallContext context)
    {
        Checks().Id("inspection_id", request.InspectionId).Id("standard_id", request.StandardId).Actor(context.Caller(), request.Actor)
            .Text("rationale", request.Rationale)
            .That(request.Rating != Contracts.V1.Rating.Unspecified, "rating", "must be set; to leave a standard unrated use ClearJudgedRating")
            .That(Enum.IsDefined(request.Rating), "rating", $"{(int)request.Rating} is not a rating")
            .ThrowIfAny();
        var input = new JudgedRatingInput(request.StandardId, request.Rating.ToDomain(), request.Rationale, context.Caller().Actor(request.Actor));
        return (await Grain(request.InspectionId).SetJudgedRatingAsync(input)).ToAck(request.InspectionId);
    }

    public override async Task<ChangeAck> ClearJudgedRating(ClearJudgedRatingRequest request, ServerCallContext context)
    {
        Checks().Id("inspection_id", request.InspectionId).Id("standard_id", request.StandardId).Actor(context.Caller(), request.Actor).ThrowIfAny();
        var input = new JudgedRatingInput(request.StandardId, null, null, context.Caller().Actor(request.Actor));
        return (await Grain(request.InspectionId).SetJudgedRatingAsync(input)).ToAck(request.InspectionId);
    }

    public override async Task<Breakdowns> GetBreakdowns(GetBreakdownsRequest request, ServerCallContext context)
    {
        Checks().Id("inspection_id", request.InspectionId).Name("dimension", request.Dimension, required: false).ThrowIfAny();
        var breakdowns = await Grain(request.InspectionId).GetBreakdownsAsync();
        return new Breakdowns
        {
            InspectionId = request.InspectionId,
            Breakdowns_ = { breakdowns.Where(b => request.Dimension.Length == 0 || b.Key.Dimension == request.Dimension).Select(b => b.ToWire()) },
        };
    }

    public override async Task<CaseHistory> GetCaseHistory(GetCaseHistoryRequest request, ServerCallContext context)
    {
        Checks().Id("inspection_id", request.InspectionId).Id("case_id", request.CaseId).ThrowIfAny();
        var history = await Grain(request.InspectionId).GetCaseHistoryAsync(request.CaseId);
        if (history.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Inspection '{request.InspectionId}' has no case '{request.CaseId}'."));
        }

        return new CaseHistory { InspectionId = request.InspectionId, CaseId = request.CaseId, Revisions = { history.Select(r => r.ToWire()) } };
    }

    public override async Task WatchInspection(WatchInspectionRequest request, IServerStreamWriter<Inspection> responseStream, ServerCallContext context)
    {
        Checks().Id("inspection_id", request.InspectionId).That(request.AfterVersion >= 0, "after_version", "must not be negative").ThrowIfAny();
        var grain = Grain(request.InspectionId);
        await watches.FollowAsync(grain.GetAsync, grain.WaitForChangeAsync, v => v.Version, v => v.ToWire(), request.AfterVersion, responseStream, context);
    }

    private JudgementBatchInput ToGrainBatch(string inspectionId, Caller caller, string requestedActor, RepeatedField<Judgement> judgements)
    {
        Checks().Id("inspection_id", inspectionId).Actor(caller, requestedActor)
            .That(judgements.Count > 0, "judgements", "must hold at least one judgement")
            .Judgements(judgements)
            .ThrowIfAny();
        var mapped = new CaseJudgement[judgements.Count];
        for (var i = 0; i < mapped.Length; i++)
        {
            mapped[i] = judgements[i].ToDomain();
        }

        return new JudgementBatchInput(caller.Actor(requestedActor), mapped);
    }

    // An inspection names a registered PDU (by its id or an alias's), and its region is the PDU's (in any spelling).
    private async Task<Pdu> RegisteredPduAsync(string pduId, string requestedRegion)
    {
        var region = PduRegistry.BuiltIn.CanonicalRegion(requestedRegion);
        var pdu = await grains.GetRegistry().ResolveAsync(pduId) ?? throw new InvalidRequestException([new FieldViolation("pdu_id",
            $"no PDU '{pduId}' is registered{await RegisteredInAsync(region)}; an administrator adds it with RegistryService.AddPdu")]);
        return region.Length == 0 || region == pdu.Region ? pdu
            : throw new InvalidRequestException([new FieldViolation("region",
                $"PDU '{pdu.Id}' is in {pdu.Region}, not '{requestedRegion}'; leave region empty to take the PDU's")]);
    }

    // For a refusal's message: the PDUs registered in the region the caller named, if it is one.
    private async Task<string> RegisteredInAsync(string region)
    {
        var registry = await grains.GetRegistry().GetAsync();
        return region.Length > 0 && registry.Regions.Contains(region)
            ? $" (in {region}: {string.Join(", ", registry.Pdus.Where(p => p.Region == region).Select(p => p.Id))})"
            : "";
    }

    private RulebookKey ResolveRulebook(RulebookRef reference, string field) =>
        rulebooks.Find(reference.Id, reference.Version)?.Key
        ?? throw new InvalidRequestException([new FieldViolation(
            rulebooks.Find(reference.Id, 0) is null ? $"{field}.id" : $"{field}.version",
            $"no rulebook {reference.Id}{(reference.Version == 0 ? "" : $" v{reference.Version}")}; known: {rulebooks.Known}")]);

    private IInspectionGrain Grain(string inspectionId) => grains.Get<IInspectionGrain>(inspectionId);

    private RequestChecks Checks() => new(limits.Value);
}
