namespace RatingGrid.Domain.Registry;

/// <summary>
/// One audited change to the registry, by whom and when: a region added (<paramref name="Region"/>;
/// <paramref name="PduId"/> and <paramref name="Name"/> empty),
/// a PDU added (<paramref name="PduId"/>, <paramref name="Name"/>, <paramref name="Region"/>) or
/// renamed (<paramref name="PduId"/>, its new <paramref name="Name"/>).
/// </summary>
public sealed record RegistryChange(RegistryChangeKind Kind, string PduId, string Name, string Region, string Actor, DateTimeOffset At);
