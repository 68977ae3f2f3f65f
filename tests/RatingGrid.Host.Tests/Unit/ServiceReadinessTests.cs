using Microsoft.Extensions.Diagnostics.HealthChecks;
using RatingGrid.Host.Health;

namespace RatingGrid.Host.Tests.Unit;

public sealed class ServiceReadinessTests
{
    private static async Task<HealthStatus> Status(ServiceReadiness readiness) =>
        (await readiness.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status;

    [Fact]
    public async Task Not_serving_until_every_hosted_service_has_started_and_again_once_shutdown_begins()
    {
        var readiness = new ServiceReadiness();
        Assert.Equal(HealthStatus.Unhealthy, await Status(readiness));

        await readiness.StartingAsync(TestContext.Current.CancellationToken);
        await readiness.StartAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Unhealthy, await Status(readiness));

        await readiness.StartedAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Healthy, await Status(readiness));

        await readiness.StoppingAsync(TestContext.Current.CancellationToken);
        var stopping = await readiness.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Unhealthy, stopping.Status);
        Assert.Contains("shutting down", stopping.Description, StringComparison.Ordinal);
    }
}
