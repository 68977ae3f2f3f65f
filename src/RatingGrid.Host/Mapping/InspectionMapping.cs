using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;
using RatingGrid.Contracts.V1;
using RatingGrid.Grains.Abstractions.Inspections;

namespace RatingGrid.Host.Mapping;

/// <summary>Inspections, their histories and the acknowledgements of changes, on the wire.</summary>
internal static class InspectionMapping
{
    private static readonly ConditionalWeakTable<InspectionView, Inspection> Mapped = [];

    /// <summary>
    /// The view's wire form, made once per view: a grain hands the same immutable view of a version
    /// to every local reader, so a version read a thousand times is mapped once. Shared: never modify it.
    /// </summary>
    public static Inspection ToWire(this InspectionView view) => Mapped.GetValue(view, static v => SharedWire.Share(Map(v)));

    private static Inspection Map(InspectionView view) => new()
    {
        InspectionId = view.InspectionId,
        PduId = view.Details.PduId,
        PduName = view.Details.PduName,
        Region = view.Details.Region,
        Rulebook = new RulebookRef { Id = view.Details.RulebookId, Version = view.Details.RulebookVersion },
        // A published report's fieldwork is what it states (absent where it does not say).
        FieldworkStart = view.Report is { } report ? report.Fieldwork?.Earliest?.ToWire() : view.Details.FieldworkStart.ToWire(),
        FieldworkEnd = view.Report is { } stated ? stated.Fieldwork?.Latest?.ToWire() : view.Details.FieldworkEnd.ToWire(),
        Status = view.Status.ToWire(),
        Version = view.Version,
        LastChangedAt = Timestamp.FromDateTimeOffset(view.LastChangedAt),
        Results = view.Results.ToWire(),
        PublishAt = view.PublishAt is { } publishAt ? Timestamp.FromDateTimeOffset(publishAt) : null,
        Lifecycle = { (view.Lifecycle ?? []).Select(ToWire) },
        PublishedReport = view.Report?.ToWire(),
    };

    public static LifecycleStep ToWire(this LifecycleEntry step) => new()
    {
        Status = step.Status.ToWire(),
        Actor = step.Actor,
        At = Timestamp.FromDateTimeOffset(step.At),
        PublishAt = step.PublishAt is { } publishAt ? Timestamp.FromDateTimeOffset(publishAt) : null,
        Reason = step.Reason ?? "",
    };

    public static CaseRevision ToWire(this CaseRevisionView r)
    {
        var revision = new CaseRevision
        {
            Revision = r.Revision,
            Withdrawn = r.Withdrawn,
            Actor = r.Actor,
            ReceivedAt = Timestamp.FromDateTimeOffset(r.ReceivedAt),
        };
        if (r.Judgement is { } judgement)
        {
            revision.Judgement = judgement.ToWire();
        }

        return revision;
    }

    public static JudgementsAck ToAck(this BatchReceipt receipt, ulong batchId, string inspectionId) => new()
    {
        BatchId = batchId,
        InspectionId = inspectionId,
        Version = receipt.Version,
        Outcomes = { receipt.Outcomes.Select(o => o.ToWire()) },
        Summary = receipt.Results.ToSummary(),
    };

    public static ChangeAck ToAck(this ChangeReceipt receipt, string inspectionId) => new()
    {
        InspectionId = inspectionId,
        Version = receipt.Version,
        Outcome = receipt.Outcome.ToWire(),
        Summary = receipt.Results.ToSummary(),
    };
}
