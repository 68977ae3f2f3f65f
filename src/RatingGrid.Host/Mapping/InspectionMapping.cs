using Google.Protobuf.WellKnownTypes;
using RatingGrid.Contracts.V1;
using RatingGrid.Grains.Abstractions.Inspections;

namespace RatingGrid.Host.Mapping;

/// <summary>Inspections, their histories and the acknowledgements of changes, on the wire.</summary>
internal static class InspectionMapping
{
    public static Inspection ToWire(this InspectionView view) => new()
    {
        InspectionId = view.InspectionId,
        PduId = view.Details.PduId,
        PduName = view.Details.PduName,
        Region = view.Details.Region,
        Rulebook = new RulebookRef { Id = view.Details.RulebookId, Version = view.Details.RulebookVersion },
        FieldworkStart = view.Details.FieldworkStart.ToWire(),
        FieldworkEnd = view.Details.FieldworkEnd.ToWire(),
        Status = view.Status.ToWire(),
        Version = view.Version,
        LastChangedAt = Timestamp.FromDateTimeOffset(view.LastChangedAt),
        Results = view.Results.ToWire(),
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
