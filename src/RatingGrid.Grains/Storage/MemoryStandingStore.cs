using RatingGrid.Domain.Aggregation;
using RatingGrid.Grains.Abstractions.Aggregates;

namespace RatingGrid.Grains.Storage;

/// <summary>Standings held by this process: lost when it stops, for one-host benchmarks and experiments.</summary>
public sealed class MemoryStandingStore(StorageCalls calls) : IStandingStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Standing> _standings = new(StringComparer.Ordinal);

    public Task<long> WriteAsync(Standing standing, CancellationToken cancellationToken = default) =>
        calls.RunAsync("store a standing", _ =>
        {
            lock (_lock)
            {
                if (_standings.TryGetValue(standing.InspectionId, out var held) && held.Version >= standing.Version)
                {
                    return Task.FromResult(held.Version);
                }

                _standings[standing.InspectionId] = standing;
                return Task.FromResult(standing.Version);
            }
        }, cancellationToken);

    public Task<IReadOnlyList<Standing>> ReadAsync(AggregateKey scope, CancellationToken cancellationToken = default) =>
        calls.RunAsync<IReadOnlyList<Standing>>("read standings", _ =>
        {
            lock (_lock)
            {
                return Task.FromResult<IReadOnlyList<Standing>>([.. _standings.Values.Where(s => scope.IsNation || s.Region == scope.Region)]);
            }
        }, cancellationToken);
}
