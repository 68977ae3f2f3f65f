using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Testing.Continuity;

/// <summary>
/// A national reporting job and a regional dashboard, reduced to their reads: through each target
/// in turn, again and again, <c>GetNation</c>, <c>GetRegion</c> and <c>GetNationReport</c>, each
/// call recorded as its caller met it (<see cref="ReadSample"/>), failures included.
/// </summary>
public sealed class ReadPoller(IReadOnlyList<(string Name, GrpcChannel Channel)> targets, string region, TimeSpan pause, Stopwatch clock)
{
    // Long enough that a read held up shows as slow rather than as a deadline of the test's own making.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<ReadSample> _samples = new();

    public IReadOnlyList<ReadSample> Samples => [.. _samples];

    /// <summary>Polls until <paramref name="stop"/>; one loop per target, so a slow host holds up only its own reads.</summary>
    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(targets.Select(target => Task.Run(() => PollAsync(target.Name, new AggregationService.AggregationServiceClient(target.Channel), stop), CancellationToken.None)));

    private async Task PollAsync(string name, AggregationService.AggregationServiceClient reads, CancellationToken stop)
    {
        // A dashboard or reporting job already has its connection when a host is lost: the first
        // call's connection setup (and the JIT on both ends) is not recorded as a read's time.
        await reads.GetNationAsync(new GetNationRequest(), deadline: DateTime.UtcNow + Deadline, cancellationToken: stop);
        while (!stop.IsCancellationRequested)
        {
            await ReadAsync(name, "GetNation", async deadline =>
            {
                var nation = await reads.GetNationAsync(new GetNationRequest(), deadline: deadline);
                return (nation.Figures.Version, nation.Figures.BehindSince);
            });
            await ReadAsync(name, "GetRegion", async deadline =>
            {
                var figures = await reads.GetRegionAsync(new GetRegionRequest { Region = region }, deadline: deadline);
                return (figures.Version, figures.BehindSince);
            });
            await ReadAsync(name, "GetNationReport", async deadline =>
            {
                var report = await reads.GetNationReportAsync(new ReportRequest(), deadline: deadline);
                return (report.Version, report.BehindSince);
            });
            await Task.Delay(pause, CancellationToken.None); // the reader's own pace
        }
    }

    private async Task ReadAsync(string name, string rpc, Func<DateTime, Task<(long Version, Google.Protobuf.WellKnownTypes.Timestamp? BehindSince)>> read)
    {
        var at = clock.Elapsed;
        try
        {
            var (version, behind) = await read(DateTime.UtcNow + Deadline);
            _samples.Enqueue(new ReadSample(name, rpc, at, clock.Elapsed - at, StatusCode.OK, version, DateTimeOffset.UtcNow - behind?.ToDateTimeOffset(), ""));
        }
        catch (RpcException ex)
        {
            _samples.Enqueue(new ReadSample(name, rpc, at, clock.Elapsed - at, ex.StatusCode, -1, null, ex.Status.Detail));
        }
    }
}
