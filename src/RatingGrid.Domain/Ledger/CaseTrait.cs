namespace RatingGrid.Domain.Ledger;

/// <summary>A breakdown attribute of a case (a trait), such as gender or practitioner grade.</summary>
/// <remarks>A value: a judgement holds a dozen answers and a trait or two, and there are millions of judgements.</remarks>
public readonly record struct CaseTrait(string Name, string Value);
