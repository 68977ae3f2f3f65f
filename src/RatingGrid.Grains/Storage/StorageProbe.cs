using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RatingGrid.Grains.Abstractions.Errors;

namespace RatingGrid.Grains.Storage;

/// <summary>
/// Probes storage every <see cref="StorageOptions.ProbeInterval"/>, so that an outage shows in
/// <see cref="StorageHealth"/> (health check, metric) even while nothing else calls storage, and
/// recovery shows as soon as it answers again. Says so in the log when the state changes.
/// </summary>
internal sealed partial class StorageProbe(IStorageProbe probe, StorageCalls calls, StorageHealth health, IOptions<StorageOptions> options, TimeProvider time, ILogger<StorageProbe> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ProbeInterval, time);
        var wasHealthy = health.IsHealthy;
        do
        {
            try
            {
                await calls.RunAsync("answer a probe", probe.CheckAsync, stoppingToken);
            }
            catch (StorageUnavailableException)
            {
                // Recorded in StorageHealth by the call itself.
            }

            if (health.IsHealthy != wasHealthy)
            {
                wasHealthy = health.IsHealthy;
                if (wasHealthy)
                {
                    LogRecovered();
                }
                else
                {
                    LogFailing(health.State.Failure ?? "no answer");
                }
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage is not answering: changes fail with UNAVAILABLE until it does; loaded inspections still answer reads. {Reason}")]
    private partial void LogFailing(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage answers again.")]
    private partial void LogRecovered();
}
