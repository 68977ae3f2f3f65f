using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RatingGrid.Grains.Storage;

/// <summary>
/// Says once, at start-up, when the container holds inspections stored by a RatingGrid from before
/// journals: this version does not read them (a documented break of an unreleased service), and an
/// operator must hear it from the log rather than meet it as missing inspections.
/// </summary>
internal sealed partial class OldFormatCheck(AzureJournalStore store, StorageCalls calls, ILogger<OldFormatCheck> logger) : BackgroundService
{
    private const int Most = 10_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var count = await calls.RunAsync("list inspections in the old format", ct => store.CountOldFormatAsync(Most, ct), stoppingToken);
            if (count > 0)
            {
                LogOldFormat(count >= Most ? $"at least {Most:N0}" : count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage not answering is reported by the storage health check; this check is only advice.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The storage container holds {Count} inspection(s) stored by a RatingGrid from before journals (blobs '" + AzureJournalStore.OldFormatPrefix + "*'). This version does not read them: each answers FAILED_PRECONDITION until it is re-imported under a new id (README: Stored data from earlier versions).")]
    private partial void LogOldFormat(string count);
}
