using System.Runtime.CompilerServices;
using System.Threading.Channels;
using RatingGrid.Contracts.V1;
using RatingGrid.Dashboard.Feeds;

namespace RatingGrid.Dashboard.Tests;

/// <summary>A feed the test drives: what a read answers (or throws), and versions pushed to the watch.</summary>
internal sealed class FakeInspectionFeed : IInspectionFeed
{
    private readonly Channel<Inspection> _versions = Channel.CreateUnbounded<Inspection>();

    public TaskCompletionSource<Inspection> Read { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<long> WatchedAfter { get; } = [];

    public Task<Inspection> GetAsync(string inspectionId, CancellationToken cancellationToken) => Read.Task.WaitAsync(cancellationToken);

    public async IAsyncEnumerable<Inspection> WatchAsync(string inspectionId, long afterVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        WatchedAfter.Add(afterVersion);
        await foreach (var inspection in _versions.Reader.ReadAllAsync(cancellationToken))
        {
            yield return inspection;
        }
    }

    public void Push(Inspection inspection) => _versions.Writer.TryWrite(inspection);
}
