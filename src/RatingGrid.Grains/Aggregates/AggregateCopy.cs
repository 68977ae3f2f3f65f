using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Reporting;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Grains.Changes;

namespace RatingGrid.Grains.Aggregates;

/// <summary>
/// This host's copy of the nation's and every region's figures, in both views (all work, and
/// published work), kept current from the nation's grain by <see cref="AggregateCopyFollower"/>.
/// Every read of a region or the nation is answered here, so no read waits on another host: while
/// the nation cannot be reached (its host lost, or moving in a deploy) the copy answers as it stands,
/// says since when it may be behind, and never goes back a version. Safe from any thread.
/// </summary>
public sealed class AggregateCopy(RulebookCatalog rulebooks, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly AggregateViews _work = new(rulebooks);
    private readonly AggregateViews _published = new(rulebooks);
    private readonly Dictionary<AggregateKey, EmbargoedView> _embargoed = [];
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset? _behindSince;

    /// <summary>Null while the copy follows the nation without a break; otherwise when it last knew itself current.</summary>
    public DateTimeOffset? BehindSince
    {
        get
        {
            lock (_gate)
            {
                return _behindSince;
            }
        }
    }

    /// <summary>Completes once the copy has caught up with the nation for the first time.</summary>
    public Task Loaded => _loaded.Task;

    /// <summary>The scope's figures at their current version in the view <paramref name="visibility"/> may see (figures of embargoed work are never shown: published ones are).</summary>
    public AggregateView Figures(AggregateKey key, Visibility visibility)
    {
        lock (_gate)
        {
            return Feed(visibility).Find(key)?.View() ?? new AggregateView(key, 0, []);
        }
    }

    /// <summary>The current version of the scope's figures in the view <paramref name="visibility"/> may see.</summary>
    public long Version(AggregateKey key, Visibility visibility)
    {
        lock (_gate)
        {
            return Feed(visibility).Find(key)?.Version ?? 0;
        }
    }

    /// <summary>Each inspection of the scope <paramref name="visibility"/> may see, at its newest standing it may see, by inspection id.</summary>
    public AggregateAnswer<IReadOnlyList<Standing>> List(AggregateKey key, Visibility visibility) =>
        Answer<IReadOnlyList<Standing>>(key, visibility, "list", index => [.. index.Standings.OrderBy(s => s.InspectionId, StringComparer.Ordinal)]);

    /// <summary>A report on the scope over what <paramref name="visibility"/> may see.</summary>
    public AggregateAnswer<Report> Report(AggregateKey key, ReportQuery query, Visibility visibility) =>
        Answer(key, visibility, query, index => index.Build(query));

    /// <summary>A region's PDUs in the current picture of <paramref name="asOf"/>, over what <paramref name="visibility"/> may see.</summary>
    public AggregateAnswer<IReadOnlyList<PduRow>> Pdus(string region, DateOnly asOf, Visibility visibility) =>
        Answer(AggregateKey.ForRegion(region), visibility, ("pdus", asOf), index => index.Pdus(asOf, StandingFilter.Any));

    /// <summary>The nation's report and each of <paramref name="regions"/>' totals of the same question (answered once per version for the same list, which the host keeps between its reads of the registry).</summary>
    public AggregateAnswer<NationOverview> Overview(ReportQuery query, IReadOnlyList<RegisteredRegion> regions, Visibility visibility) =>
        Answer(AggregateKey.Nation, visibility, ("overview", query, regions), index => NationOverview.Of(index.Build(query), regions));

    /// <summary>Whether the scope's figures pass <paramref name="afterVersion"/> within <paramref name="timeout"/> (false on the timeout or cancellation).</summary>
    public async Task<bool> WaitForChangeAsync(AggregateKey key, Visibility visibility, long afterVersion, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task next;
        lock (_gate)
        {
            var feed = Feed(visibility).For(key);
            if (feed.Version > afterVersion)
            {
                return true;
            }

            next = feed.Next;
        }

        return await ChangeWait.ArrivesAsync(next, timeout, time, cancellationToken);
    }

    /// <summary>Takes standings from the nation; each replaces an older one of its inspection and is ignored otherwise.</summary>
    internal void Take(IReadOnlyList<Standing> standings)
    {
        lock (_gate)
        {
            foreach (var standing in standings)
            {
                _work.Take(standing);
                if (standing.Status == InspectionStatus.Published)
                {
                    _published.Take(standing);
                }
            }

            _work.AnnounceIfChanged();
            _published.AnnounceIfChanged();
        }
    }

    /// <summary>The copy holds every change the nation had when it answered.</summary>
    internal void CaughtUp()
    {
        lock (_gate)
        {
            _behindSince = null;
        }

        _loaded.TrySetResult();
    }

    /// <summary>The nation could not be reached: the copy may be behind from <paramref name="since"/> (kept if it was behind already).</summary>
    internal void Behind(DateTimeOffset since)
    {
        lock (_gate)
        {
            _behindSince ??= since;
        }
    }

    // Figures: readers who may not see unpublished work read published figures, whether or not they may see embargoed copies.
    private AggregateViews Feed(Visibility visibility) => visibility == Visibility.Unpublished ? _work : _published;

    private AggregateAnswer<T> Answer<T>(AggregateKey key, Visibility visibility, object question, Func<ReportIndex, T> build)
    {
        lock (_gate)
        {
            if (visibility != Visibility.Embargoed)
            {
                return Feed(visibility).Find(key)?.Answer(question, build) ?? new AggregateAnswer<T>(key, 0, build(new ReportIndex(rulebooks)));
            }

            // Lists and reports for readers of embargoed copies: each inspection's newest standing they may see.
            var (work, published) = (_work.Find(key), _published.Find(key));
            var versions = (work?.Version ?? 0, published?.Version ?? 0);
            if (!_embargoed.TryGetValue(key, out var view) || view.Versions != versions)
            {
                var visible = (work?.Aggregate.Standings ?? []).Select(s => visibility.Shows(s.Status) ? s : published?.Aggregate.Find(s.InspectionId)).OfType<Standing>();
                view = new EmbargoedView(versions, ReportIndex.Of(visible, rulebooks), []);
                _embargoed[key] = view;
            }

            if (!view.Answers.TryGetValue(question, out var held))
            {
                held = new AggregateAnswer<T>(key, versions.Item2, build(view.Index));
                view.Answers[question] = held;
            }

            return (AggregateAnswer<T>)held;
        }
    }

    private sealed record EmbargoedView((long Work, long Published) Versions, ReportIndex Index, Dictionary<object, object> Answers);
}
