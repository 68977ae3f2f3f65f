using RatingGrid.Domain.Aggregation;

namespace RatingGrid.Grains.Abstractions.Aggregates;

/// <summary>
/// Pools inspections' standings: one grain per region and one for the nation, keyed by
/// <see cref="AggregateKey"/>. Inspections publish to their region, regions forward to the nation;
/// nobody waits for it.
/// </summary>
public interface IAggregateGrain : IGrainWithStringKey
{
    /// <summary>Takes newer standings, ignores older or repeated ones. Retry: safe.</summary>
    Task PublishAsync(IReadOnlyList<Standing> standings);

    /// <summary>Figures for every rulebook held, at the current version.</summary>
    Task<AggregateView> GetAsync();

    /// <summary>Every inspection's newest standing held here, by inspection id.</summary>
    Task<IReadOnlyList<Standing>> ListAsync();

    /// <summary>One inspection's newest standing held here, or null.</summary>
    Task<Standing?> GetStandingAsync(string inspectionId);

    /// <summary>The figures once their version exceeds <paramref name="afterVersion"/>, or null after <paramref name="timeout"/> or once <paramref name="cancellationToken"/> fires.</summary>
    Task<AggregateView?> WaitForChangeAsync(long afterVersion, TimeSpan timeout, CancellationToken cancellationToken = default);
}
