using Microsoft.Extensions.Diagnostics.HealthChecks;
using RatingGrid.Grains.Storage;

namespace RatingGrid.Host.Health;

/// <summary>
/// Whether storage answers (<see cref="StorageHealth"/>, probed every two seconds). Reported at
/// <c>/health/storage</c> and as the gRPC health service <c>ratinggrid.storage</c>, not in readiness:
/// a storage outage is every host's at once, and were they all to turn unready a Kubernetes Service
/// would drop them all, so that clients would meet a refused connection instead of UNAVAILABLE with a
/// reason, and could not even read the inspections the hosts still hold in memory.
/// </summary>
internal sealed class StorageHealthCheck(StorageHealth storage) : IHealthCheck
{
    public const string Name = "storage";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (since, failure) = storage.State;
        return Task.FromResult(storage.IsHealthy
            ? HealthCheckResult.Healthy($"storage answers (since {since:u})")
            : HealthCheckResult.Unhealthy($"storage has not answered since {since:u}: {failure}"));
    }
}
