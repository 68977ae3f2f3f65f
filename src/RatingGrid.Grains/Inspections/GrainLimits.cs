namespace RatingGrid.Grains.Inspections;

/// <summary>Limits the grains enforce (options); the gRPC layer enforces the wire-level ones.</summary>
public sealed class GrainLimits
{
    /// <summary>Distinct cases one inspection may hold, withdrawn ones included.</summary>
    public int MaxCasesPerInspection { get; set; } = 10_000;
}
