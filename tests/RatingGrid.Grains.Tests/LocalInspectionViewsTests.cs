using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.Inspections;

namespace RatingGrid.Grains.Tests;

public sealed class LocalInspectionViewsTests
{
    private static InspectionView View(long version) =>
        new("i-1", Scenarios.Details(), InspectionStatus.Open, version, DateTimeOffset.UnixEpoch,
            new InspectionLedger(RulebookCatalog.BuiltIn.Get(RulebookCatalog.DefaultKey)).Results());

    [Fact]
    public void A_view_is_served_until_its_own_activation_removes_it_and_an_older_activation_never_removes_a_newer_one()
    {
        var views = new LocalInspectionViews();
        var (first, second) = (View(1), View(2));

        Assert.False(views.TryGet("i-1", out _));
        views.Set("i-1", first);
        views.Set("i-1", second);
        views.Remove("i-1", first); // an activation that left with version 1: version 2 stays
        Assert.True(views.TryGet("i-1", out var served));
        Assert.Same(second, served);

        views.Remove("i-1", second);
        Assert.False(views.TryGet("i-1", out _));
    }
}
