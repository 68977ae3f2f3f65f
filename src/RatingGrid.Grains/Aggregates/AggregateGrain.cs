using Orleans.Concurrency;
using Orleans.GrainDirectory;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Reporting;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Grains.Diagnostics;
using RatingGrid.Grains.Hosting;
using RatingGrid.Grains.Inspections;
using RatingGrid.Grains.Storage;

namespace RatingGrid.Grains.Aggregates;

/// <summary>
/// A region or the nation: the newest standing of each of its inspections, pooled, and apart from
/// them each inspection's standing as last published, pooled again for readers who may see only
/// published work. Its figures are derived data: it stores nothing of its own, and on activation
/// rebuilds itself from the standings table (written by the inspections). A publication moves the
/// figures at once, so readers and watchers see it straight away, and a publication held nowhere
/// else is never lost: its inspection keeps publishing until the row and the aggregates both have
/// it. Standings replace by version, so a repeated, retried or late publication never counts twice.
/// </summary>
[Reentrant]
[GrainDirectory(GrainDirectoryName = StorageNames.AggregateDirectory)]
internal sealed class AggregateGrain : Grain, IAggregateGrain
{
    private const int ReportsKept = 256;

    private readonly IStandingStore _store;
    private readonly TimeProvider _time;
    private readonly RulebookCatalog _rulebooks;
    private readonly AggregateKey _key;
    private readonly AggregateFeed _work;
    private readonly AggregateFeed _published;
    private readonly RetryingLoad _load;
    private readonly Dictionary<(ReportQuery, Visibility), ReportView> _reports = [];
    private (long Work, long Published) _reportsAt;

    public AggregateGrain(IStandingStore store, RulebookCatalog rulebooks, TimeProvider time)
    {
        (_store, _rulebooks, _time) = (store, rulebooks, time);
        _key = AggregateKey.Parse(this.GetPrimaryKeyString());
        _work = new AggregateFeed(_key, rulebooks);
        _published = new AggregateFeed(_key, rulebooks);
        _load = new RetryingLoad(LoadAsync);
    }

    public async Task PublishAsync(IReadOnlyList<Standing> standings)
    {
        await _load.EnsureAsync();
        foreach (var standing in standings)
        {
            if (Take(standing))
            {
                GrainMetrics.Publications.Add(1);
                GrainMetrics.AggregationLag.Record((_time.GetUtcNow() - standing.ChangedAt).TotalMilliseconds,
                    new KeyValuePair<string, object?>("scope", _key.IsNation ? "nation" : "region"));
            }
        }

        _work.AnnounceIfChanged();
        _published.AnnounceIfChanged();
    }

    public async Task<AggregateView> GetAsync(Visibility visibility)
    {
        await _load.EnsureAsync();
        return Feed(visibility).View();
    }

    public async Task<AggregateView?> WaitForChangeAsync(long afterVersion, Visibility visibility, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await _load.EnsureAsync();
        return await Feed(visibility).WaitForChangeAsync(afterVersion, timeout, _time, cancellationToken);
    }

    public async Task<Standing?> GetStandingAsync(string inspectionId)
    {
        await _load.EnsureAsync();
        return _work.Aggregate.Find(inspectionId);
    }

    public async Task<IReadOnlyList<Standing>> ListAsync(Visibility visibility)
    {
        await _load.EnsureAsync();
        return [.. Visible(visibility).OrderBy(s => s.InspectionId, StringComparer.Ordinal)];
    }

    public async Task<ReportView> ReportAsync(ReportQuery query, Visibility visibility)
    {
        await _load.EnsureAsync();
        var at = (_work.Version, _published.Version);
        if (_reportsAt != at || _reports.Count >= ReportsKept)
        {
            _reportsAt = at;
            _reports.Clear();
        }

        // Dashboards ask the same few questions over and over: each is answered once per version.
        if (!_reports.TryGetValue((query, visibility), out var report))
        {
            var built = visibility == Visibility.Embargoed ? Reports.Build(Visible(visibility), query, _rulebooks) : Feed(visibility).Index.Build(query, _rulebooks);
            report = new ReportView(_key, Feed(visibility).Version, built);
            _reports[(query, visibility)] = report;
        }

        return report;
    }

    // Each inspection's newest standing the reader may see: its newest, or else its last published.
    // The two common views are held as they are.
    private IEnumerable<Standing> Visible(Visibility visibility) => visibility switch
    {
        Visibility.Unpublished => _work.Aggregate.Standings,
        Visibility.Published => _published.Aggregate.Standings,
        _ => _work.Aggregate.Standings
            .Select(s => visibility.Shows(s.Status) ? s : _published.Aggregate.Find(s.InspectionId))
            .OfType<Standing>(),
    };

    // Readers who may not see unpublished work read published figures, whether or not they may see embargoed copies.
    private AggregateFeed Feed(Visibility visibility) => visibility == Visibility.Unpublished ? _work : _published;

    private bool Take(Standing standing)
    {
        var changed = _work.Take(standing);
        if (standing.Status == InspectionStatus.Published)
        {
            changed |= _published.Take(standing);
        }

        return changed;
    }

    private async Task LoadAsync()
    {
        var stored = await _store.ReadAsync(_key);
        foreach (var standing in stored.Newest.Concat(stored.Published))
        {
            Take(standing);
        }

        _work.AnnounceIfChanged();
        _published.AnnounceIfChanged();
    }
}
