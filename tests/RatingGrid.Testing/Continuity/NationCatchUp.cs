using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Testing.Continuity;

/// <summary>When the nation, as a host answers it, is current again after a disruption.</summary>
public static class NationCatchUp
{
    /// <summary>How far behind its acknowledgements the nation may be and still count as current: publication's ordinary lag is milliseconds.</summary>
    public static readonly TimeSpan Lag = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Watches the nation, read through <paramref name="channel"/>, for <paramref name="watchFor"/>
    /// after <paramref name="since"/>, asking again and again whether it holds every version the feed
    /// had acknowledged <see cref="Lag"/> before the question; returns the moment (on
    /// <paramref name="clock"/>) from which every answer said yes, <see cref="TimeSpan.MaxValue"/> if
    /// the last did not. A read that fails counts as no.
    /// </summary>
    public static async Task<TimeSpan> CurrentAgainAsync(GrpcChannel channel, ContinuityFeed feed, TimeSpan since, TimeSpan watchFor, Stopwatch clock, CancellationToken cancel = default)
    {
        var reads = new AggregationService.AggregationServiceClient(channel);
        var currentFrom = since + Lag;
        while (clock.Elapsed < since + watchFor)
        {
            var asked = clock.Elapsed;
            if (asked - Lag >= since)
            {
                var current = false;
                try
                {
                    var nation = await reads.GetNationAsync(new GetNationRequest { IncludeInspections = true }, cancellationToken: cancel);
                    var held = nation.Inspections.ToDictionary(s => s.InspectionId, s => s.Version, StringComparer.Ordinal);
                    current = feed.AcknowledgedBy(asked - Lag).All(v => held.GetValueOrDefault(v.Key) >= v.Value);
                }
                catch (RpcException)
                {
                    // counts as not current; the poller records the failure itself
                }

                currentFrom = (current, currentFrom) switch
                {
                    (false, _) => TimeSpan.MaxValue,
                    (true, var from) when from == TimeSpan.MaxValue => asked,
                    _ => currentFrom,
                };
            }

            await Task.Delay(100, cancel); // polling pace, bounded by the watch
        }

        return currentFrom;
    }
}
