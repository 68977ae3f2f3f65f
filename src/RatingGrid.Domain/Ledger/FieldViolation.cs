namespace RatingGrid.Domain.Ledger;

/// <summary>One thing wrong with a request, naming the field as the wire contract spells it (e.g. <c>answers[2].key_question_id</c>).</summary>
public sealed record FieldViolation(string Field, string Description)
{
    public override string ToString() => $"{Field}: {Description}";
}

/// <summary>A change was refused whole because it is malformed for the rulebook; nothing was changed.</summary>
public sealed class InvalidChangeException(IReadOnlyList<FieldViolation> violations)
    : Exception("Refused: " + string.Join("; ", violations))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    /// <summary>The same violations with their fields placed under <paramref name="prefix"/> (e.g. <c>judgements[3].</c>).</summary>
    public InvalidChangeException Under(string prefix) =>
        new([.. Violations.Select(v => v with { Field = prefix + v.Field })]);
}
