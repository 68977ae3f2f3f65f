using RatingGrid.Contracts.V1;

namespace RatingGrid.Dashboard.Figures;

/// <summary>One PDU on the region page: its newest inspection, and what changed since the one before (null: its first).</summary>
public sealed record PduRow(string PduId, string PduName, InspectionSummary Newest, InspectionSummary? Previous, IReadOnlyList<RatingChange> Changes)
{
    public const string Overall = "overall";
}
