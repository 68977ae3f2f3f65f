using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Reporting;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Aggregates;

namespace RatingGrid.Host.Tests.Unit;

/// <summary>A region or the nation without storage or forwarding: the Domain's aggregate behind the grain interface.</summary>
internal sealed class FakeAggregateGrain(AggregateKey key) : IAggregateGrain
{
    private readonly Aggregate _aggregate = new(RulebookCatalog.BuiltIn);
    private long _version;

    public Task PublishAsync(IReadOnlyList<Standing> standings)
    {
        foreach (var standing in standings)
        {
            if (_aggregate.Replace(standing))
            {
                _version++;
            }
        }

        return Task.CompletedTask;
    }

    public Task<AggregateView> GetAsync(Visibility visibility)
    {
        var visible = Pool(Visible(visibility));
        return Task.FromResult(new AggregateView(key, _version, [.. visible.Rulebooks.Select(visible.Figures)]));
    }

    public Task<IReadOnlyList<Standing>> ListAsync(Visibility visibility) => Task.FromResult<IReadOnlyList<Standing>>([.. Visible(visibility)]);

    public Task<ReportView> ReportAsync(ReportQuery query, Visibility visibility) =>
        Task.FromResult(new ReportView(key, _version, Reports.Build(Visible(visibility), query, RulebookCatalog.BuiltIn)));

    public Task<Standing?> GetStandingAsync(string inspectionId) => Task.FromResult(_aggregate.Standings.FirstOrDefault(s => s.InspectionId == inspectionId));

    public Task<AggregateView?> WaitForChangeAsync(long afterVersion, Visibility visibility, TimeSpan timeout, CancellationToken cancellationToken = default) => Task.FromResult<AggregateView?>(null);

    // Unlike the grain, it keeps no published copy apart: an inspection is seen as it stands now, or not at all.
    private IEnumerable<Standing> Visible(Visibility visibility) => _aggregate.Standings.Where(s => visibility.Shows(s.Status));

    private static Aggregate Pool(IEnumerable<Standing> standings)
    {
        var pooled = new Aggregate(RulebookCatalog.BuiltIn);
        foreach (var standing in standings)
        {
            pooled.Replace(standing);
        }

        return pooled;
    }
}
