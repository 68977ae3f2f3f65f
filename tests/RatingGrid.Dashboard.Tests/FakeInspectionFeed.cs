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

    /// <summary>What GetBreakdowns answers now (or throws, when <see cref="BreakdownsFailure"/> is set).</summary>
    public IReadOnlyList<Breakdown> Breakdowns { get; set; } = [];

    public Exception? BreakdownsFailure { get; set; }

    public TaskCompletionSource<CaseHistory> History { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<IReadOnlyList<Breakdown>> BreakdownsAsync(string inspectionId, CancellationToken cancellationToken) =>
        BreakdownsFailure is { } failure ? Task.FromException<IReadOnlyList<Breakdown>>(failure) : Task.FromResult(Breakdowns);

    public Task<CaseHistory> CaseHistoryAsync(string inspectionId, string caseId, CancellationToken cancellationToken) => History.Task.WaitAsync(cancellationToken);

    public Task<Inspection> GetAsync(string inspectionId, CancellationToken cancellationToken) => Read.Task.WaitAsync(cancellationToken);

    public async IAsyncEnumerable<Inspection> WatchAsync(string inspectionId, long afterVersion, Action<Exception> broken, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        WatchedAfter.Add(afterVersion);
        await foreach (var inspection in _versions.Reader.ReadAllAsync(cancellationToken))
        {
            yield return inspection;
        }
    }

    public void Push(Inspection inspection) => _versions.Writer.TryWrite(inspection);
}
