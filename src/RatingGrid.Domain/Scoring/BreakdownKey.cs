namespace RatingGrid.Domain.Scoring;

/// <summary>One slice of cases: those whose <paramref name="Dimension"/> has <paramref name="Value"/>.</summary>
public readonly record struct BreakdownKey(string Dimension, string Value)
{
    /// <summary>The dimension every case has: its type.</summary>
    public const string CaseTypeDimension = "case_type";

    public override string ToString() => $"{Dimension}={Value}";
}
