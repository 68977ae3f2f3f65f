using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Reporting;

namespace RatingGrid.Grains.Abstractions.Aggregates;

/// <summary>
/// Pools inspections' standings: one grain per region and one for the nation, keyed by
/// <see cref="AggregateKey"/>. Inspections publish to their region, regions forward to the nation;
/// nobody waits for it. It keeps two views: all work (each inspection's newest standing) and the
/// published view (each inspection's standing as last published, which stays while a correction is
/// in progress). Readers who may not see unpublished work get the published view.
/// </summary>
public interface IAggregateGrain : IGrainWithStringKey
{
    /// <summary>Takes newer standings, ignores older or repeated ones. Retry: safe.</summary>
    Task PublishAsync(IReadOnlyList<Standing> standings);

    /// <summary>Figures for every rulebook held, at the current version of the view <paramref name="visibility"/> may see.</summary>
    Task<AggregateView> GetAsync(Visibility visibility);

    /// <summary>The standings <paramref name="visibility"/> may see, by inspection id: each inspection's newest it may see.</summary>
    Task<IReadOnlyList<Standing>> ListAsync(Visibility visibility);

    /// <summary>One inspection's newest standing held here, or null (all work: for the silo's own checks).</summary>
    Task<Standing?> GetStandingAsync(string inspectionId);

    /// <summary>A report over the standings <paramref name="visibility"/> may see.</summary>
    Task<ReportView> ReportAsync(ReportQuery query, Visibility visibility);

    /// <summary>The figures once their version exceeds <paramref name="afterVersion"/>, or null after <paramref name="timeout"/> or once <paramref name="cancellationToken"/> fires.</summary>
    Task<AggregateView?> WaitForChangeAsync(long afterVersion, Visibility visibility, TimeSpan timeout, CancellationToken cancellationToken = default);
}
