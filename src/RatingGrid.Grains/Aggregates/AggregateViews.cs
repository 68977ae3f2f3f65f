using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Aggregates;

namespace RatingGrid.Grains.Aggregates;

/// <summary>The nation's and every region's figures in one view (all work, or published work). Not thread-safe.</summary>
internal sealed class AggregateViews(RulebookCatalog rulebooks)
{
    private readonly Dictionary<string, AggregateFeed> _regions = new(StringComparer.Ordinal);

    public AggregateFeed Nation { get; } = new(AggregateKey.Nation, rulebooks);

    public IEnumerable<Standing> Standings => Nation.Aggregate.Standings;

    /// <summary>Takes a standing into the nation and its region unless a standing of the same or a newer version is held; true when it changed anything.</summary>
    public bool Take(Standing standing) => Nation.Take(standing) && For(AggregateKey.ForRegion(standing.Region)).Take(standing);

    /// <summary>The scope's feed, or null for a region that holds nothing.</summary>
    public AggregateFeed? Find(AggregateKey key) => key.IsNation ? Nation : _regions.GetValueOrDefault(key.Region!);

    /// <summary>The scope's feed, made (empty) for a region that holds nothing yet, so that a watcher can wait on it.</summary>
    public AggregateFeed For(AggregateKey key)
    {
        if (key.IsNation)
        {
            return Nation;
        }

        if (!_regions.TryGetValue(key.Region!, out var feed))
        {
            feed = new AggregateFeed(key, rulebooks);
            _regions.Add(key.Region!, feed);
        }

        return feed;
    }

    public void AnnounceIfChanged()
    {
        Nation.AnnounceIfChanged();
        foreach (var region in _regions.Values)
        {
            region.AnnounceIfChanged();
        }
    }
}
