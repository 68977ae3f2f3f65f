using Microsoft.Extensions.Logging;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Grains.Diagnostics;
using RatingGrid.Grains.Storage;

namespace RatingGrid.Grains.Publication;

/// <summary>
/// Publishes an inspection's newest durable standing, behind acknowledgements, along two paths. At
/// once, to the nation in memory (whence every host's copy of the figures takes it), so that readers
/// and watchers see each change as soon as it is durable. And at most once per <see cref="PublicationOptions.PersistInterval"/>
/// (the first time too, an interval after it is published), to the standings table the nation is rebuilt from, followed by the nation again (a nation that
/// activated meanwhile read the table before that row). A version is
/// <see cref="Confirmed"/> once both are done for it. Only the newest standing is ever sent; whatever
/// is committed meanwhile goes in the next publication.
/// </summary>
/// <remarks>Runs on its grain's scheduler, so it needs no locks.</remarks>
internal sealed partial class StandingPublisher(IGrainFactory grains, IStandingStore store, PublicationOptions options, TimeProvider time, ILogger logger, CancellationToken hostStopping)
{
    private Standing? _latest;
    private long _notified;
    private long _persisted;
    private long _confirmed;
    private bool _notifying;
    private bool _persisting;
    private bool _stopped;
    private long _lastPersistedAt;

    // Once the host is stopping, the nation is being deactivated: a call to it would need placing
    // in a silo that is leaving (Orleans logs that as a failure). Nothing is lost by not calling:
    // whatever is unconfirmed has its reminder, and the next activation publishes it.
    private bool Halted => _stopped || hostStopping.IsCancellationRequested;

    /// <summary>The newest version both stored in the standings table and taken by the nation.</summary>
    public long Confirmed => _confirmed;

    public void Publish(Standing standing)
    {
        if (_latest is { } held && held.Version >= standing.Version)
        {
            return;
        }

        _latest = standing;
        if (Halted)
        {
            return;
        }

        if (!_notifying)
        {
            _ = NotifyLoopAsync();
        }

        if (!_persisting)
        {
            _ = PersistLoopAsync();
        }
    }

    /// <summary>
    /// Stores <paramref name="standing"/> and hands it to the nation now, before a
    /// change supersedes it: a correction must not begin until the published figures it leaves in
    /// place are kept (the coalescing loops below would otherwise skip straight to the newer one).
    /// Throws <see cref="StorageUnavailableException"/> when either refuses; retrying is safe.
    /// </summary>
    public async Task SecureAsync(Standing standing)
    {
        try
        {
            await store.WriteAsync(standing);
        }
        catch (Exception ex) when (ex is not StorageUnavailableException)
        {
            throw new StorageUnavailableException($"The published figures of inspection '{standing.InspectionId}' could not be stored before its correction: {ex.Message} Nothing changed; retrying is safe.", ex);
        }

        _persisted = Math.Max(_persisted, standing.Version);
        if (!await TryNotifyAsync(standing))
        {
            throw new StorageUnavailableException($"The published figures of inspection '{standing.InspectionId}' could not be handed to the nation before its correction. Nothing changed; retrying is safe.");
        }
    }

    /// <summary>
    /// Stops for good (the grain is deactivating), storing the newest standing first if it is not
    /// stored yet, so that a nation rebuilt after a restart starts from it. Whatever is still not
    /// confirmed is published by the inspection's next activation, which its reminder brings about.
    /// </summary>
    public async Task StopAsync()
    {
        _stopped = true;
        if (_latest is { } standing && standing.Version > _persisted)
        {
            try
            {
                await store.WriteAsync(standing);
                _persisted = standing.Version;
            }
            catch (Exception ex)
            {
                LogPersistFailed(standing.InspectionId, ex.Message);
            }
        }
    }

    private async Task NotifyLoopAsync()
    {
        _notifying = true;
        try
        {
            while (!Halted && _latest is { } standing && standing.Version > _notified)
            {
                if (await TryNotifyAsync(standing))
                {
                    _notified = Math.Max(_notified, standing.Version);
                }
                else
                {
                    await Task.Delay(options.RetryAfter, time);
                }
            }
        }
        finally
        {
            _notifying = false;
        }
    }

    private async Task PersistLoopAsync()
    {
        _persisting = true;
        try
        {
            // Even the first row waits an interval: an inspection's changes come in runs (a feed
            // opens it, then streams its cases), and one row should hold the whole run.
            var since = Math.Max(_lastPersistedAt, time.GetTimestamp());
            while (!Halted && _latest is { } pending && pending.Version > _confirmed)
            {
                var wait = options.PersistInterval - time.GetElapsedTime(Math.Max(_lastPersistedAt, since));
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time); // coalesce: what is committed meanwhile goes in this row
                    continue;
                }

                var standing = _latest;
                try
                {
                    await store.WriteAsync(standing);
                    GrainMetrics.StandingWrites.Add(1);
                    _persisted = Math.Max(_persisted, standing.Version);
                    _lastPersistedAt = time.GetTimestamp();
                }
                catch (Exception ex)
                {
                    LogPersistFailed(standing.InspectionId, ex.Message);
                    await Task.Delay(options.RetryAfter, time);
                    continue;
                }

                while (!Halted && !await TryNotifyAsync(standing))
                {
                    await Task.Delay(options.RetryAfter, time);
                }

                _confirmed = Math.Max(_confirmed, standing.Version);
            }
        }
        finally
        {
            _persisting = false;
        }
    }

    // Bounded: while the cluster recovers from a lost host a call can go unanswered for long, and
    // newer standings must not queue behind it (publishing again is harmless: aggregates replace by version).
    private async Task<bool> TryNotifyAsync(Standing standing)
    {
        if (Halted)
        {
            return false;
        }

        try
        {
            await grains.GetNation().PublishAsync([standing]).WaitAsync(options.CallTimeout, time);
            return true;
        }
        catch (Exception ex)
        {
            LogPublishFailed(standing.InspectionId, ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inspection {InspectionId}: publishing to the nation failed; retrying. {Reason}")]
    private partial void LogPublishFailed(string inspectionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inspection {InspectionId}: storing its standing failed; retrying. {Reason}")]
    private partial void LogPersistFailed(string inspectionId, string reason);
}
