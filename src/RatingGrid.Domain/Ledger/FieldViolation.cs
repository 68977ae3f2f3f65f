namespace RatingGrid.Domain.Ledger;

/// <summary>One thing wrong with a request, naming the field as the wire contract spells it (e.g. <c>answers[2].key_question_id</c>).</summary>
public sealed record FieldViolation(string Field, string Description)
{
    public override string ToString() => $"{Field}: {Description}";
}
