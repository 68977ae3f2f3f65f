using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RatingGrid.Host.Health;

/// <summary>
/// Ready from the moment every hosted service (the Orleans silo among them) has started until
/// shutdown begins, so that probes and the gRPC health service turn NOT_SERVING before the
/// server stops taking calls.
/// </summary>
internal sealed class ServiceReadiness : IHostedLifecycleService, IHealthCheck
{
    private volatile string _state = "starting";

    public bool IsReady => _state == "ready";

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _state = "ready";
        return Task.CompletedTask;
    }

    /// <summary>The host is leaving its cluster: NOT_SERVING from now on.</summary>
    public void Leaving() => _state = "shutting down";

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        Leaving();
        return Task.CompletedTask;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(IsReady ? HealthCheckResult.Healthy("silo started") : HealthCheckResult.Unhealthy($"silo {_state}"));

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
