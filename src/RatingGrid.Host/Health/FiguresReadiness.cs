using Microsoft.Extensions.Diagnostics.HealthChecks;
using RatingGrid.Grains.Aggregates;

namespace RatingGrid.Host.Health;

/// <summary>
/// Ready once this host's copy of the regional and national figures has caught up with the nation
/// for the first time: until then its reads would wait for it, so a host restarted in a deploy is
/// not put back behind a balancer before it can answer them at once.
/// </summary>
internal sealed class FiguresReadiness(AggregateCopy copy) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(copy.Loaded.IsCompleted ? HealthCheckResult.Healthy("figures loaded") : HealthCheckResult.Unhealthy("figures still loading"));
}
