using Orleans.Metadata;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.Abstractions.References;

namespace RatingGrid.Grains.Tests;

/// <summary>References made by key without Orleans' per-call reflection are Orleans' own references.</summary>
public sealed class StringKeyedGrainsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_reference_by_key_is_the_one_Orleans_makes_and_reaches_the_same_grain()
    {
        var factory = (IGrainFactory)fixture.Cluster.GetSiloServiceProvider().GetService(typeof(IGrainFactory))!;
        Assert.Same(typeof(GrainInterfaceTypeResolver).Assembly, factory.GetType().Assembly); // Orleans' own factory: the quick way applies
        var id = Scenarios.NewId("inspection");

        var quick = factory.Get<IInspectionGrain>(id);
        var orleans = factory.GetGrain<IInspectionGrain>(id);

        Assert.Equal(orleans, quick);
        Assert.Equal(orleans.GetGrainId(), quick.GetGrainId());
        Assert.NotEqual(orleans.GetGrainId(), factory.Get<IInspectionGrain>(id + "-other").GetGrainId());
        var opened = await quick.OpenAsync(Scenarios.Details(), "lead-inspector");
        Assert.Equal(opened.Version, (await orleans.GetAsync()).Version);
    }
}
