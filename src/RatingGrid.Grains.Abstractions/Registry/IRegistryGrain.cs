using RatingGrid.Domain.Registry;

namespace RatingGrid.Grains.Abstractions.Registry;

/// <summary>
/// The registry of regions and PDUs: the built-in data file plus every audited change since, one
/// grain for the cluster (changes are rare; reads are answered from memory).
/// </summary>
public interface IRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Every region and PDU, and the changes made since the data file.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<RegistryView> GetAsync();

    /// <summary>One registered PDU, or null: what opening an inspection asks, without the whole registry.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<Pdu?> FindAsync(string pduId);

    /// <summary>The PDU an id, an alias's id or a name it is known by names (other spellings resolve to it), or null.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<Pdu?> ResolveAsync(string idOrName);

    /// <summary>
    /// Makes and records <paramref name="change"/>; making it again changes nothing. Throws
    /// InvalidRequestException (a field at fault), InspectionStateException (it conflicts with what
    /// is registered), PduNotFoundException (renaming a PDU nobody registered). Retry: safe.
    /// </summary>
    Task<RegistryView> ChangeAsync(RegistryChange change);
}
