using RatingGrid.Contracts.V1;

namespace RatingGrid.Dashboard.Figures;

/// <summary>A standard's (or the overall) rating at a PDU's previous inspection and at its newest.</summary>
public sealed record RatingChange(string Id, Rating Before, Rating After);
