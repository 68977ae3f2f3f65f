using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Grains.Abstractions.Aggregates;

namespace RatingGrid.Grains.Storage;

/// <summary>Standings held by this process: lost when it stops, for one-host benchmarks and experiments.</summary>
public sealed class MemoryStandingStore(StorageCalls calls) : IStandingStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Standing> _standings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Standing> _published = new(StringComparer.Ordinal);

    public Task<long> WriteAsync(Standing standing, CancellationToken cancellationToken = default) =>
        calls.RunAsync("store a standing", _ =>
        {
            lock (_lock)
            {
                if (standing.Status == InspectionStatus.Published && !(_published.TryGetValue(standing.InspectionId, out var shown) && shown.Version >= standing.Version))
                {
                    _published[standing.InspectionId] = standing;
                }

                if (_standings.TryGetValue(standing.InspectionId, out var held) && held.Version >= standing.Version)
                {
                    return Task.FromResult(held.Version);
                }

                _standings[standing.InspectionId] = standing;
                return Task.FromResult(standing.Version);
            }
        }, cancellationToken);

    public Task<StoredStandings> ReadAsync(AggregateKey scope, CancellationToken cancellationToken = default) =>
        calls.RunAsync("read standings", _ =>
        {
            lock (_lock)
            {
                return Task.FromResult(new StoredStandings(
                    [.. _standings.Values.Where(s => scope.IsNation || s.Region == scope.Region)],
                    [.. _published.Values.Where(s => scope.IsNation || s.Region == scope.Region)]));
            }
        }, cancellationToken);
}
