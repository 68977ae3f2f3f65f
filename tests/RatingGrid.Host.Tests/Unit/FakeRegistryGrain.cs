using RatingGrid.Domain.Registry;
using RatingGrid.Grains.Abstractions.Registry;

namespace RatingGrid.Host.Tests.Unit;

/// <summary>The registry without storage: the Domain's registry behind the grain interface.</summary>
internal sealed class FakeRegistryGrain : IRegistryGrain
{
    private PduRegistry _registry = PduRegistry.BuiltIn;
    private readonly List<RegistryChange> _changes = [];

    public Task<RegistryView> GetAsync() => Task.FromResult(new RegistryView(_changes.Count, _registry.Regions, _registry.Pdus, [.. _changes]));

    public Task<Pdu?> FindAsync(string pduId) => Task.FromResult(_registry.Find(pduId));

    public Task<Pdu?> ResolveAsync(string idOrName) => Task.FromResult(_registry.Resolve(idOrName));

    public Task<RegistryView> ChangeAsync(RegistryChange change)
    {
        if (_registry.Refusal(change) is { } refusal)
        {
            throw new InvalidOperationException(refusal.Message);
        }

        _registry = _registry.With(change);
        _changes.Add(change);
        return GetAsync();
    }

    /// <summary>Registers a PDU in a region (added if new), as an administrator would.</summary>
    public void Register(string region, string pduId)
    {
        ChangeAsync(new RegistryChange(RegistryChangeKind.RegionAdded, "", "", region, "test", DateTimeOffset.UnixEpoch));
        ChangeAsync(new RegistryChange(RegistryChangeKind.PduAdded, pduId, $"PDU {pduId}", region, "test", DateTimeOffset.UnixEpoch));
    }
}
