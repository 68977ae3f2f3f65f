namespace RatingGrid.Domain.Registry;

/// <summary>
/// A Probation Delivery Unit: its stable id, its name (which may change), its region, and, for the
/// PDUs the data file ships, its other spellings, where it is recorded and what is uncertain about it.
/// </summary>
/// <param name="Aliases">Other spellings met in sources (the Ministry's label among them); resolve to this PDU.</param>
/// <param name="Sources">Where the PDU, its name and its region were read.</param>
/// <param name="Uncertainty">What the sources leave uncertain about it (null: nothing noted); it is registered all the same.</param>
public sealed record Pdu(string Id, string Name, string Region, IReadOnlyList<string>? Aliases = null, IReadOnlyList<string>? Sources = null, string? Uncertainty = null)
{
    public IReadOnlyList<string> AllAliases => Aliases ?? [];

    public IReadOnlyList<string> AllSources => Sources ?? [];

    public bool IsUncertain => Uncertainty is not null;

    /// <summary>Whether <paramref name="name"/> is this PDU's name or one of its aliases (in any case).</summary>
    public bool KnownAs(string name) => AllAliases.Prepend(Name).Contains(name, StringComparer.OrdinalIgnoreCase);
}
