using System.Runtime.CompilerServices;
using System.Threading.Channels;
using RatingGrid.Contracts.V1;
using RatingGrid.Dashboard.Feeds;

namespace RatingGrid.Dashboard.Tests;

/// <summary>A figures feed the test drives: the answers pushed to the watches, and every rpc the page made.</summary>
internal sealed class FakeFiguresFeed : IFiguresFeed
{
    private readonly Channel<RegionPdus> _region = Channel.CreateUnbounded<RegionPdus>();
    private readonly Channel<NationOverview> _nation = Channel.CreateUnbounded<NationOverview>();

    public TaskCompletionSource<IReadOnlyList<string>> Regions { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Thrown by every watch as it starts, when set.</summary>
    public Exception? WatchFailure { get; set; }

    /// <summary>Every rpc the page made, by name, in order: a watch is one however many answers it brings.</summary>
    public List<string> Calls { get; } = [];

    public List<ReportRequest> OverviewRequests { get; } = [];

    public Task<IReadOnlyList<string>> RegionsAsync(CancellationToken cancellationToken)
    {
        Calls.Add("ListRegions");
        return Regions.Task.WaitAsync(cancellationToken);
    }

    public IAsyncEnumerable<RegionPdus> RegionPdusAsync(string region, Action<Exception> broken, CancellationToken cancellationToken)
    {
        Calls.Add("WatchRegionPdus");
        return WatchAsync(_region, cancellationToken);
    }

    public IAsyncEnumerable<NationOverview> NationOverviewAsync(ReportRequest request, Action<Exception> broken, CancellationToken cancellationToken)
    {
        Calls.Add("WatchNationOverview");
        OverviewRequests.Add(request);
        return WatchAsync(_nation, cancellationToken);
    }

    public void PushRegion(RegionPdus answer) => _region.Writer.TryWrite(answer);

    public void PushNation(NationOverview overview) => _nation.Writer.TryWrite(overview);

    private async IAsyncEnumerable<T> WatchAsync<T>(Channel<T> answers, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (WatchFailure is { } failure)
        {
            throw failure;
        }

        await foreach (var answer in answers.Reader.ReadAllAsync(cancellationToken))
        {
            yield return answer;
        }
    }
}
