using RatingGrid.Domain.Registry;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Grains.Abstractions.Registry;
using RatingGrid.Testing;

namespace RatingGrid.Grains.Tests;

/// <summary>The registry's changes are stored on Azurite: a whole new cluster reads them back, and a refused change stores nothing.</summary>
public sealed class RegistryDurabilityTests(Azurite azurite)
{
    [Fact]
    public async Task Registered_regions_and_pdus_survive_a_whole_cluster_restart_with_their_audit_trail()
    {
        var serviceId = Scenarios.NewId("registry");
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        await using (var cluster = await TestClusters.StartAsync(azurite, serviceId))
        {
            var registry = cluster.Client.GetRegistry();
            await registry.ChangeAsync(new RegistryChange(RegistryChangeKind.RegionAdded, "", "", "Test region", "admin", at));
            await registry.ChangeAsync(new RegistryChange(RegistryChangeKind.PduAdded, "t1", "First name", "Test region", "admin", at));
            await registry.ChangeAsync(new RegistryChange(RegistryChangeKind.PduRenamed, "t1", "Second name", "Test region", "admin", at));
            await Assert.ThrowsAsync<InspectionStateException>(() => registry.ChangeAsync(new RegistryChange(RegistryChangeKind.PduAdded, "t1", "Second name", "Wales", "admin", at)));
        }

        await using var restarted = await TestClusters.StartAsync(azurite, serviceId);
        var view = await restarted.Client.GetRegistry().GetAsync();

        Assert.Equal(new Pdu("t1", "Second name", "Test region"), view.Find("t1"));
        Assert.Contains("Test region", view.Regions);
        Assert.Equal([RegistryChangeKind.RegionAdded, RegistryChangeKind.PduAdded, RegistryChangeKind.PduRenamed], view.Changes.Select(c => c.Kind));
        Assert.Equal(3, view.Version);
    }
}
