using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Aggregation;

/// <summary>
/// Pools the counters of several inspections under one rulebook: a pooled percentage is the sum of
/// yes over the sum of applicable, never an average of percentages. Adding and subtracting snapshots
/// lets a region replace one inspection's contribution without re-reading the others.
/// </summary>
public sealed class TallyPool(Rulebook rulebook)
{
    private readonly AnswerTally[] _tallies = new AnswerTally[rulebook.KeyQuestions.Count];
    private readonly Dictionary<BreakdownKey, (int Cases, AnswerTally[] Tallies)> _breakdowns = [];

    public Rulebook Rulebook { get; } = rulebook;

    public int Inspections { get; private set; }

    public int Cases { get; private set; }

    /// <summary>Pools a set of inspections; every one must be rated under <paramref name="rulebook"/>.</summary>
    public static PooledFigures Pool(Rulebook rulebook, IEnumerable<TallySnapshot> inspections)
    {
        var pool = new TallyPool(rulebook);
        foreach (var inspection in inspections)
        {
            pool.Add(inspection);
        }

        return pool.Figures();
    }

    public void Add(TallySnapshot snapshot) => Move(snapshot, +1);

    public void Subtract(TallySnapshot snapshot) => Move(snapshot, -1);

    /// <summary>The pooled key-question figures, overall and per breakdown.</summary>
    public PooledFigures Figures() => new(
        Rulebook.Key,
        Inspections,
        Cases,
        RatingEngine.KeyQuestionResults(Rulebook, _tallies),
        [.. _breakdowns.Where(s => s.Value.Cases > 0)
            .OrderBy(s => s.Key.Dimension, StringComparer.Ordinal).ThenBy(s => s.Key.Value, StringComparer.Ordinal)
            .Select(s => new PooledBreakdown(s.Key, s.Value.Cases, RatingEngine.KeyQuestionResults(Rulebook, s.Value.Tallies)))]);

    private void Move(TallySnapshot snapshot, int sign)
    {
        if (snapshot.Rulebook != Rulebook.Key)
        {
            throw new ArgumentException(
                $"An inspection rated under {snapshot.Rulebook} cannot be pooled with {Rulebook.Key}: different frameworks are never pooled.",
                nameof(snapshot));
        }

        Inspections += sign;
        Cases += sign * snapshot.Cases;
        AddInto(_tallies, snapshot.KeyQuestions, sign);
        foreach (var (key, breakdown) in snapshot.Breakdowns)
        {
            var pooled = _breakdowns.TryGetValue(key, out var existing) ? existing : (0, new AnswerTally[_tallies.Length]);
            AddInto(pooled.Item2, breakdown.KeyQuestions, sign);
            _breakdowns[key] = (pooled.Item1 + (sign * breakdown.Cases), pooled.Item2);
        }
    }

    private static void AddInto(AnswerTally[] target, IReadOnlyList<AnswerTally> source, int sign)
    {
        for (var i = 0; i < target.Length; i++)
        {
            var s = source[i];
            target[i] += new AnswerTally(sign * s.Yes, sign * s.No, sign * s.NotApplicable);
        }
    }
}
