using Orleans.TestingHost;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Testing;

namespace RatingGrid.Grains.Tests;

/// <summary>One single-silo cluster on Azurite with observed storage, shared by a test class; tests use fresh inspection ids.</summary>
public sealed class ClusterFixture(Azurite azurite) : IAsyncLifetime
{
    public StorageObserver Storage { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IInspectionGrain NewInspection() => Cluster.Client.GetGrain<IInspectionGrain>(Scenarios.NewId("inspection"));

    public async ValueTask InitializeAsync() => Cluster = await TestClusters.StartAsync(azurite, Scenarios.NewId("service"), Storage);

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
