using RatingGrid.Domain.Aggregation;
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

    public Task<AggregateView> GetAsync() => Task.FromResult(new AggregateView(key, _version, [.. _aggregate.Rulebooks.Select(_aggregate.Figures)]));

    public Task<IReadOnlyList<Standing>> ListAsync() => Task.FromResult<IReadOnlyList<Standing>>([.. _aggregate.Standings]);

    public Task<Standing?> GetStandingAsync(string inspectionId) => Task.FromResult(_aggregate.Standings.FirstOrDefault(s => s.InspectionId == inspectionId));

    public Task<AggregateView?> WaitForChangeAsync(long afterVersion, TimeSpan timeout, CancellationToken cancellationToken = default) => Task.FromResult<AggregateView?>(null);
}
