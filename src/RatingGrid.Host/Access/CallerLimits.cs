using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RatingGrid.Host.Configuration;

namespace RatingGrid.Host.Access;

/// <summary>
/// Per-caller budgets: a token bucket of calls (each stream message counting as one) and a count of
/// open streams. One caller exhausting its own budget never touches another's.
/// </summary>
internal sealed class CallerLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _calls;
    private readonly ConcurrentDictionary<string, int> _streams = new(StringComparer.Ordinal);

    public CallerLimits(IOptions<LimitSettings> settings)
    {
        var limits = settings.Value;
        Settings = limits;
        // A tenth of the rate every 100 ms keeps throttling smooth; a rate that does not divide by
        // ten is replenished once a second instead, so it is exact.
        var (period, tokens) = limits.RequestsPerSecondPerClient % 10 == 0
            ? (TimeSpan.FromMilliseconds(100), limits.RequestsPerSecondPerClient / 10)
            : (TimeSpan.FromSeconds(1), limits.RequestsPerSecondPerClient);
        var options = new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.RequestBurstPerClient,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            AutoReplenishment = true,
            // Each open stream waits for at most one message's permit at a time.
            QueueLimit = limits.MaxConcurrentStreamsPerClient,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
        _calls = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => options), StringComparer.Ordinal);
    }

    public LimitSettings Settings { get; }

    /// <summary>Takes a call's permit now, or says how long until one is free.</summary>
    public bool TryAdmitCall(string caller, out TimeSpan retryAfter)
    {
        using var lease = _calls.AttemptAcquire(caller);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMilliseconds(100);
        return lease.IsAcquired;
    }

    /// <summary>Waits for a stream message's permit: a stream over its rate is slowed, not failed.</summary>
    public async ValueTask<bool> AdmitMessageAsync(string caller, CancellationToken cancel)
    {
        using var lease = await _calls.AcquireAsync(caller, 1, cancel);
        return lease.IsAcquired;
    }

    /// <summary>Counts a stream as open until the returned slot is disposed, or returns null at the limit.</summary>
    public StreamSlot? TryOpenStream(string caller)
    {
        while (true)
        {
            var open = _streams.GetOrAdd(caller, 0);
            if (open >= Settings.MaxConcurrentStreamsPerClient)
            {
                return null;
            }

            if (_streams.TryUpdate(caller, open + 1, open))
            {
                return new StreamSlot(this, caller);
            }
        }
    }

    private void CloseStream(string caller)
    {
        while (true)
        {
            var open = _streams[caller];
            if (open == 1 ? _streams.TryRemove(KeyValuePair.Create(caller, 1)) : _streams.TryUpdate(caller, open - 1, open))
            {
                return;
            }
        }
    }

    public void Dispose() => _calls.Dispose();

    internal sealed class StreamSlot(CallerLimits limits, string caller) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                limits.CloseStream(caller);
            }
        }
    }
}
