namespace RatingGrid.Domain.Ledger;

/// <summary>A change was refused whole because it is malformed for the rulebook; nothing was changed.</summary>
public sealed class InvalidChangeException(IReadOnlyList<FieldViolation> violations)
    : Exception("Refused: " + string.Join("; ", violations))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    /// <summary>The same violations with their fields placed under <paramref name="prefix"/> (e.g. <c>judgements[3].</c>).</summary>
    public InvalidChangeException Under(string prefix) =>
        new([.. Violations.Select(v => v with { Field = prefix + v.Field })]);
}
