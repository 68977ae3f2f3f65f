using System.Collections.Concurrent;
using System.Diagnostics;
using RatingGrid.Client.Feeding;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Testing.Continuity;

/// <summary>
/// A service streaming inspectors' judgements through the client library's <see cref="JudgementFeed"/>:
/// round after round, a batch for each inspection it is feeding (each round revises the same cases),
/// keeping every acknowledgement (what must survive), when it came (the feed's throughput), and any
/// error the library let through to its caller (there should be none).
/// </summary>
public sealed class ContinuityFeed(InspectionService.InspectionServiceClient client, IReadOnlyList<string> inspections, Stopwatch clock)
{
    private readonly ConcurrentDictionary<(string Inspection, string Case), Judgement> _acknowledged = new();
    private readonly ConcurrentQueue<(TimeSpan At, string Inspection, long Version, int Judgements)> _acks = new();
    private readonly ConcurrentQueue<Exception> _errors = new();

    /// <summary>Judgements per batch (each a different case of the inspection).</summary>
    public int CasesPerBatch { get; init; } = 3;

    /// <summary>Distinct cases per inspection: batches cycle over them, each round at a higher revision.</summary>
    public int CasesPerInspection { get; init; } = 12;

    /// <summary>The pause after each round (zero: as fast as acknowledgements allow).</summary>
    public TimeSpan RoundPause { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Which inspections the next round feeds (all, until changed).</summary>
    public Func<string, bool> Feeding { get; set; } = _ => true;

    /// <summary>The newest acknowledged judgement of each case fed.</summary>
    public IReadOnlyDictionary<(string Inspection, string Case), Judgement> Acknowledged => _acknowledged;

    /// <summary>Errors the library surfaced to its caller.</summary>
    public IReadOnlyList<Exception> Errors => [.. _errors];

    /// <summary>Each acknowledgement's time, inspection, version and judgements, in arrival order.</summary>
    public IReadOnlyList<(TimeSpan At, string Inspection, long Version, int Judgements)> Acks => [.. _acks];

    /// <summary>The newest version of each inspection acknowledged before <paramref name="moment"/> of the run.</summary>
    public IReadOnlyDictionary<string, long> AcknowledgedBy(TimeSpan moment) =>
        _acks.Where(a => a.At < moment).GroupBy(a => a.Inspection, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(a => a.Version), StringComparer.Ordinal);

    /// <summary>Judgements acknowledged between two moments of the run, per second.</summary>
    public double Rate(TimeSpan from, TimeSpan to) =>
        _acks.Where(a => a.At >= from && a.At < to).Sum(a => a.Judgements) / Math.Max((to - from).TotalSeconds, 0.001);

    /// <summary>The judgement of one case at one revision: the same every time it is built, so a test can recompute what must be stored.</summary>
    public static Judgement JudgementOf(string caseId, int revision, int seed)
    {
        var rulebook = Domain.Rulebooks.RulebookCatalog.BuiltIn.Get(Domain.Rulebooks.RulebookCatalog.DefaultKey);
        var judgement = new Judgement { CaseId = caseId, Revision = revision, CaseType = (seed + revision) % 3 == 0 ? "licence" : "community" };
        judgement.Answers.AddRange(rulebook.KeyQuestions.Select((kq, i) => new KeyQuestionAnswer { KeyQuestionId = kq.Id, Answer = (Answer)(1 + ((i * 7 + seed + revision) % 3)) }));
        return judgement;
    }

    /// <summary>
    /// Feeds until <paramref name="stopFeeding"/>, then waits until every batch sent is answered. Each
    /// inspection has a feed (a stream) of its own, as each inspection's inspectors' client would:
    /// one inspection held up (its host lost) holds up no other's acknowledgements.
    /// </summary>
    public async Task RunAsync(CancellationToken stopFeeding)
    {
        var feeds = inspections.Select(_ => new JudgementFeed(client, new JudgementFeedOptions { Actor = "continuity" })).ToList();
        try
        {
            await FeedAsync(feeds, stopFeeding);
        }
        finally
        {
            foreach (var feed in feeds)
            {
                await feed.DisposeAsync();
            }
        }
    }

    private async Task FeedAsync(List<JudgementFeed> feeds, CancellationToken stopFeeding)
    {
        var answers = new List<Task>();
        for (var round = 1; !stopFeeding.IsCancellationRequested; round++)
        {
            for (var i = 0; i < inspections.Count; i++)
            {
                if (!Feeding(inspections[i]))
                {
                    continue;
                }

                var first = (round - 1) * CasesPerBatch % CasesPerInspection;
                var batch = Enumerable.Range(first, CasesPerBatch).Select(c => JudgementOf($"case-{c % CasesPerInspection}", round, i)).ToList();
                var answer = await feeds[i].QueueAsync(inspections[i], batch, CancellationToken.None);
                answers.Add(Keep(inspections[i], batch, answer));
            }

            if (RoundPause > TimeSpan.Zero)
            {
                await Task.Delay(RoundPause, CancellationToken.None); // the feed's own pace
            }
        }

        await Task.WhenAll(answers);
        await Task.WhenAll(feeds.Select(feed => feed.CompleteAsync(CancellationToken.None)));
    }

    private async Task Keep(string inspection, List<Judgement> batch, Task<JudgementsAck> answer)
    {
        try
        {
            var ack = await answer;
            foreach (var judgement in batch)
            {
                _acknowledged.AddOrUpdate((inspection, judgement.CaseId), judgement, (_, held) => held.Revision >= judgement.Revision ? held : judgement);
            }

            _acks.Enqueue((clock.Elapsed, inspection, ack.Version, batch.Count));
        }
        catch (Exception ex)
        {
            _errors.Enqueue(ex);
        }
    }
}
