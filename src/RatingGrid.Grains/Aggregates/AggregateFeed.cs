using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Reporting;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Aggregates;

namespace RatingGrid.Grains.Aggregates;

/// <summary>
/// One scope's figures in one view (all work, or published work) on this host: its standings pooled
/// and indexed for reports, a version, the answers given at that version, and the watchers waiting
/// for the next. Not thread-safe: <see cref="AggregateCopy"/> holds its lock around every use.
/// </summary>
internal sealed class AggregateFeed(AggregateKey key, RulebookCatalog rulebooks)
{
    // Dashboards ask the same few questions over and over: each is answered once per version.
    private const int AnswersKept = 256;

    private readonly Dictionary<object, object> _answers = [];
    private AggregateView? _view;
    private bool _changed;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AggregateKey Key => key;

    public Aggregate Aggregate { get; } = new(rulebooks);

    /// <summary>The same standings, indexed for reports.</summary>
    public ReportIndex Index { get; } = new(rulebooks);

    /// <summary>
    /// The sum of the versions of the standings held. Replacing a standing only ever raises it, so it
    /// goes up with every change; and it depends on nothing but the standings held, so every host
    /// holding the same standings says the same version, and a watch can resume on any of them.
    /// </summary>
    public long Version { get; private set; }

    /// <summary>Completes when a newer version is announced.</summary>
    public Task Next => _next.Task;

    /// <summary>Takes a standing unless one of the same or a newer version is held; true when it changed anything.</summary>
    public bool Take(Standing standing)
    {
        var before = Aggregate.Find(standing.InspectionId)?.Version ?? 0;
        if (!Aggregate.Replace(standing))
        {
            return false;
        }

        Index.Put(standing);
        Version += standing.Version - before;
        _changed = true;
        return true;
    }

    /// <summary>After a batch of changes: the answers given so far are forgotten, and every watcher waiting wakes.</summary>
    public void AnnounceIfChanged()
    {
        if (!_changed)
        {
            return;
        }

        _changed = false;
        _answers.Clear();
        var waiting = _next;
        _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting.TrySetResult();
    }

    // One view per version, handed to every reader (it is immutable, so readers share it and the
    // host maps it to the wire once).
    public AggregateView View() =>
        _view is { } view && view.Version == Version ? view : _view = new(key, Version, [.. Aggregate.Rulebooks.Select(Aggregate.Figures)]);

    /// <summary>The answer to <paramref name="question"/> (a value: equal questions share an answer) at this version, built once.</summary>
    public AggregateAnswer<T> Answer<T>(object question, Func<ReportIndex, T> build)
    {
        if (_answers.TryGetValue(question, out var held))
        {
            return (AggregateAnswer<T>)held;
        }

        if (_answers.Count >= AnswersKept)
        {
            _answers.Clear();
        }

        var answer = new AggregateAnswer<T>(key, Version, build(Index));
        _answers[question] = answer;
        return answer;
    }
}
