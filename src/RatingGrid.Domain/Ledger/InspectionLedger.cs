using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Ledger;

/// <summary>
/// One inspection's case judgements and judged ratings, with running per-key-question tallies
/// overall and per breakdown. Every change moves the tallies by the difference between a
/// case's old and new answers, so its cost does not depend on how many cases there are.
/// </summary>
/// <remarks>Not thread-safe: its owner (an inspection grain) serialises access.</remarks>
public sealed class InspectionLedger
{
    private readonly Dictionary<string, CaseEntry> _cases = new(StringComparer.Ordinal);
    private readonly Dictionary<BreakdownKey, BreakdownCounter> _breakdowns = [];
    private readonly Dictionary<string, JudgedRating> _judged = new(StringComparer.Ordinal);
    private readonly TallyCounts _tallies;

    public InspectionLedger(Rulebook rulebook)
    {
        Rulebook = rulebook;
        _tallies = new TallyCounts(rulebook.KeyQuestions.Count);
    }

    public Rulebook Rulebook { get; }

    /// <summary>Cases currently counted (withdrawn ones are not).</summary>
    public int CaseCount { get; private set; }

    /// <summary>Every case the ledger has seen, withdrawn ones included.</summary>
    public int KnownCaseCount => _cases.Count;

    public bool IsKnownCase(string caseId) => _cases.ContainsKey(caseId);

    /// <summary>A copy of the running tallies, indexed like <see cref="Rulebooks.Rulebook.KeyQuestions"/>.</summary>
    public AnswerTally[] Tallies() => _tallies.ToArray();

    public IReadOnlyDictionary<string, JudgedRating> JudgedRatings => _judged;

    /// <summary>Applies one revision of a case; throws <see cref="InvalidChangeException"/> (changing nothing) when it is malformed.</summary>
    public ChangeOutcome Apply(CaseJudgement judgement)
    {
        var answers = new Answer[_tallies.KeyQuestionCount];
        var violations = JudgementValidator.Validate(Rulebook, judgement, answers);
        if (violations.Count > 0)
        {
            throw new InvalidChangeException(violations);
        }

        return ApplyValid(judgement, answers);
    }

    // The judgement has passed validation, and answers holds its answers by key-question index.
    private ChangeOutcome ApplyValid(CaseJudgement judgement, Answer[] answers)
    {
        if (!_cases.TryGetValue(judgement.CaseId, out var entry))
        {
            var breakdowns = BreakdownsOf(judgement);
            _cases.Add(judgement.CaseId, new CaseEntry(judgement, answers, breakdowns));
            Count(answers, breakdowns, +1);
            return ChangeOutcome.Applied;
        }

        if (judgement.Revision < entry.Revision)
        {
            return ChangeOutcome.Stale;
        }

        if (judgement.Revision == entry.Revision)
        {
            return !entry.IsWithdrawn && SameContent(entry, judgement, answers) ? ChangeOutcome.Duplicate : ChangeOutcome.Conflict;
        }

        if (!entry.IsWithdrawn)
        {
            Count(entry.Answers, entry.Breakdowns, -1);
        }

        var newBreakdowns = BreakdownComparison.Same(entry.Judgement, judgement) ? entry.Breakdowns : BreakdownsOf(judgement);
        entry.Replace(judgement, answers, newBreakdowns);
        Count(answers, newBreakdowns, +1);
        return ChangeOutcome.Applied;
    }

    /// <summary>
    /// Applies a batch all or nothing: every judgement is validated first, and a malformed one refuses
    /// the whole batch (<see cref="InvalidChangeException"/> with fields under <c>judgements[i].</c>)
    /// before anything changes. Stale and conflicting judgements are refused one by one, as outcomes.
    /// </summary>
    public ChangeOutcome[] ApplyBatch(IReadOnlyList<CaseJudgement> judgements)
    {
        var resolved = new Answer[judgements.Count][];
        var violations = BatchValidator.Validate(Rulebook, judgements, resolved);
        if (violations.Count > 0)
        {
            throw new InvalidChangeException(violations);
        }

        // Validated above, and validation resolved the answers: apply without checking twice.
        var outcomes = new ChangeOutcome[judgements.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = ApplyValid(judgements[i], resolved[i]);
        }

        return outcomes;
    }

    /// <summary>Withdraws a case at a new revision; its answers stop counting, and lower revisions stay refused.</summary>
    public ChangeOutcome Withdraw(string caseId, long revision)
    {
        var violations = JudgementValidator.ValidateWithdrawal(caseId, revision);
        if (violations.Count > 0)
        {
            throw new InvalidChangeException(violations);
        }

        if (!_cases.TryGetValue(caseId, out var entry))
        {
            return ChangeOutcome.UnknownCase;
        }

        if (revision < entry.Revision)
        {
            return ChangeOutcome.Stale;
        }

        if (revision == entry.Revision)
        {
            return entry.IsWithdrawn ? ChangeOutcome.Duplicate : ChangeOutcome.Conflict;
        }

        if (!entry.IsWithdrawn)
        {
            Count(entry.Answers, entry.Breakdowns, -1);
        }

        entry.Withdraw(revision);
        return ChangeOutcome.Applied;
    }

    /// <summary>Sets a judged standard's rating; the same rating and rationale again is a duplicate.</summary>
    public ChangeOutcome SetJudgedRating(string standardId, Rating rating, string rationale)
    {
        var violations = JudgementValidator.ValidateJudgedRating(Rulebook, standardId, rating, rationale, clearing: false);
        if (violations.Count > 0)
        {
            throw new InvalidChangeException(violations);
        }

        var judged = new JudgedRating(rating, rationale);
        if (_judged.TryGetValue(standardId, out var current) && current == judged)
        {
            return ChangeOutcome.Duplicate;
        }

        _judged[standardId] = judged;
        return ChangeOutcome.Applied;
    }

    /// <summary>Clears a judged standard's rating, leaving it unrated.</summary>
    public ChangeOutcome ClearJudgedRating(string standardId)
    {
        var violations = JudgementValidator.ValidateJudgedRating(Rulebook, standardId, null, null, clearing: true);
        if (violations.Count > 0)
        {
            throw new InvalidChangeException(violations);
        }

        return _judged.Remove(standardId) ? ChangeOutcome.Applied : ChangeOutcome.Duplicate;
    }

    /// <summary>Ratings from the running tallies: constant cost in the number of cases.</summary>
    public InspectionResults Results() => RatingEngine.Rate(Rulebook, _tallies.ToArray(), _judged) with { Cases = CaseCount };

    /// <summary>Every breakdown that currently has at least one case.</summary>
    public IReadOnlyList<BreakdownResult> Breakdowns() =>
        [.. _breakdowns.Values.Where(s => s.Cases > 0)
            .OrderBy(s => s.Key.Dimension, StringComparer.Ordinal).ThenBy(s => s.Key.Value, StringComparer.Ordinal)
            .Select(s => BreakdownResult.From(Rulebook, s.Key, s.Cases, s.Counts.ToArray()))];

    /// <summary>One breakdown's figures; a breakdown with no case has zero tallies and no ratings.</summary>
    public BreakdownResult Breakdown(BreakdownKey key) =>
        _breakdowns.TryGetValue(key, out var breakdown)
            ? BreakdownResult.From(Rulebook, key, breakdown.Cases, breakdown.Counts.ToArray())
            : BreakdownResult.From(Rulebook, key, 0, new AnswerTally[_tallies.KeyQuestionCount]);

    /// <summary>A copy of the counters, for pooling into regional and national figures.</summary>
    public TallySnapshot Snapshot() => new(
        Rulebook.Key,
        CaseCount,
        _tallies.ToArray(),
        _breakdowns.Values.Where(s => s.Cases > 0).ToDictionary(s => s.Key, s => new BreakdownTally(s.Cases, s.Counts.ToArray())));

    /// <summary>Every case the ledger knows, withdrawn ones included, for persistence.</summary>
    public IEnumerable<CaseState> Cases() =>
        _cases.Values.Select(e => new CaseState(e.Judgement, e.Revision, e.IsWithdrawn));

    public bool TryGetCase(string caseId, out CaseState state)
    {
        if (_cases.TryGetValue(caseId, out var entry))
        {
            state = new CaseState(entry.Judgement, entry.Revision, entry.IsWithdrawn);
            return true;
        }

        state = null!;
        return false;
    }

    /// <summary>Rebuilds a ledger from persisted cases and judged ratings.</summary>
    public static InspectionLedger Restore(Rulebook rulebook, IEnumerable<CaseState> cases, IReadOnlyDictionary<string, JudgedRating> judged)
    {
        var ledger = new InspectionLedger(rulebook);
        foreach (var state in cases)
        {
            ledger.Apply(state.Judgement);
            if (state.IsWithdrawn)
            {
                ledger.Withdraw(state.Judgement.CaseId, state.Revision);
            }
        }

        foreach (var (standardId, rating) in judged)
        {
            ledger.SetJudgedRating(standardId, rating.Rating, rating.Rationale);
        }

        return ledger;
    }

    private BreakdownCounter[] BreakdownsOf(CaseJudgement judgement)
    {
        var breakdowns = new BreakdownCounter[judgement.Traits.Count + 1];
        breakdowns[0] = CounterFor(new BreakdownKey(BreakdownKey.CaseTypeDimension, judgement.CaseType));
        for (var i = 0; i < judgement.Traits.Count; i++)
        {
            var trait = judgement.Traits[i];
            breakdowns[i + 1] = CounterFor(new BreakdownKey(trait.Name, trait.Value));
        }

        return breakdowns;
    }

    private BreakdownCounter CounterFor(BreakdownKey key)
    {
        if (!_breakdowns.TryGetValue(key, out var counter))
        {
            counter = new BreakdownCounter(key, _tallies.KeyQuestionCount);
            _breakdowns.Add(key, counter);
        }

        return counter;
    }

    private void Count(Answer[] answers, BreakdownCounter[] breakdowns, int delta)
    {
        CaseCount += delta;
        _tallies.Add(answers, delta);
        foreach (var breakdown in breakdowns)
        {
            breakdown.Cases += delta;
            breakdown.Counts.Add(answers, delta);
        }
    }

    private static bool SameContent(CaseEntry entry, CaseJudgement judgement, Answer[] answers) =>
        BreakdownComparison.Same(entry.Judgement, judgement) && entry.Answers.AsSpan().SequenceEqual(answers);
}
