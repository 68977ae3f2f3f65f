using RatingGrid.Domain.Aggregation;
using RatingGrid.Grains.Abstractions.Aggregates;

namespace RatingGrid.Grains.Storage;

/// <summary>
/// The newest standing of every inspection, one row each, and the standing it was last published
/// at, one more row each, partitioned by region: what regions and the nation are rebuilt from when
/// they activate. A write costs one row (two when it publishes), whatever the region or the nation
/// holds; rows may share a request with others of their region. Every call is bounded by the storage budget.
/// </summary>
public interface IStandingStore
{
    /// <summary>Stores <paramref name="standing"/> unless a newer version of it is stored (and, when it is published, as the inspection's published standing too); returns the version stored now.</summary>
    Task<long> WriteAsync(Standing standing, CancellationToken cancellationToken = default);

    /// <summary>Every standing of a region, or of the nation.</summary>
    Task<StoredStandings> ReadAsync(AggregateKey scope, CancellationToken cancellationToken = default);
}
