using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Tests;

/// <summary>
/// Seeded random sequences of changes. Set RATINGGRID_SEED to replay a failure: the failing seed is
/// in the assertion message.
/// </summary>
public sealed class LedgerPropertyTests
{
    private const int Sequences = 1000;
    private const int StepsPerSequence = 150;
    private const int CasePool = 220;

    private static readonly int BaseSeed = int.TryParse(Environment.GetEnvironmentVariable("RATINGGRID_SEED"), out var seed) ? seed : 20250601;

    [Fact]
    public void Incremental_results_equal_a_recomputation_after_every_step()
    {
        ForEachSeed(seed =>
        {
            var generator = new ChangeGenerator(new Random(seed), TestRulebooks.Hmip2023, CasePool);
            var ledger = new InspectionLedger(TestRulebooks.Hmip2023);
            for (var step = 0; step < StepsPerSequence; step++)
            {
                var change = generator.Next(allowNoise: true);
                var outcome = change.ApplyTo(ledger);
                Assert.True(change.Expected == outcome, $"seed {seed}, step {step}: {change} gave {outcome}, expected {change.Expected}");
                generator.Model.AssertMatches(ledger, $"seed {seed}, step {step} ({change})");
            }
        });
    }

    [Fact]
    public void Duplicates_and_stale_revisions_inserted_anywhere_change_nothing()
    {
        ForEachSeed(seed =>
        {
            var generator = new ChangeGenerator(new Random(seed), TestRulebooks.Hmip2023, CasePool);
            var clean = new InspectionLedger(TestRulebooks.Hmip2023);
            var noisy = new InspectionLedger(TestRulebooks.Hmip2023);
            var random = new Random(~seed);
            for (var step = 0; step < StepsPerSequence; step++)
            {
                var change = generator.Next(allowNoise: false);
                change.ApplyTo(clean);
                change.ApplyTo(noisy);
                while (random.Next(3) == 0 && generator.NextNoise() is { } noise)
                {
                    var outcome = noise.ApplyTo(noisy);
                    Assert.True(outcome is ChangeOutcome.Duplicate or ChangeOutcome.Stale or ChangeOutcome.Conflict,
                        $"seed {seed}, step {step}: noise {noise} was {outcome}");
                    Assert.True(LedgerComparison.Same(clean, noisy), $"seed {seed}, step {step}: {noise} changed the results");
                }

                Assert.True(LedgerComparison.Same(clean, noisy), $"seed {seed}, step {step}: ledgers differ after {change}");
            }
        });
    }

    private static void ForEachSeed(Action<int> run)
    {
        for (var i = 0; i < Sequences; i++)
        {
            run(BaseSeed + i);
        }
    }
}

/// <summary>One generated change with the outcome the reference model predicts for it.</summary>
internal sealed record Change(string Description, Func<InspectionLedger, ChangeOutcome> Apply, ChangeOutcome Expected)
{
    public ChangeOutcome ApplyTo(InspectionLedger ledger) => Apply(ledger);

    public override string ToString() => Description;
}

/// <summary>Generates changes and keeps the obvious, non-incremental model of what the ledger should hold.</summary>
internal sealed class ChangeGenerator(Random random, Rulebook rulebook, int casePool)
{
    private static readonly string[] Genders = ["female", "male", "non-binary"];
    private static readonly string[] Grades = ["probation officer", "probation services officer", "trainee"];
    private static readonly Answer[] AnswerChoices = [Answer.Yes, Answer.No, Answer.NotApplicable];

    public ReferenceModel Model { get; } = new(rulebook);

    public Change Next(bool allowNoise)
    {
        var roll = random.Next(100);
        if (allowNoise && roll < 15 && NextNoise() is { } noise)
        {
            return noise;
        }

        var caseId = $"case-{random.Next(casePool)}";
        var current = Model.Case(caseId);
        var nextRevision = (current?.Revision ?? 0) + 1 + random.Next(3);
        if (roll < 80 || current is null)
        {
            if (roll >= 75 && current is null && allowNoise)
            {
                return new Change($"withdraw unknown {caseId}", l => l.Withdraw(caseId, 1), ChangeOutcome.UnknownCase);
            }

            var judgement = RandomJudgement(caseId, nextRevision);
            Model.Apply(judgement);
            return new Change($"apply {caseId} r{nextRevision}", l => l.Apply(judgement), ChangeOutcome.Applied);
        }

        if (roll < 90)
        {
            Model.Withdraw(caseId, nextRevision);
            return new Change($"withdraw {caseId} r{nextRevision}", l => l.Withdraw(caseId, nextRevision), ChangeOutcome.Applied);
        }

        var standard = random.Next(3) switch { 0 => "P1.1", 1 => "P1.2", _ => "P1.3" };
        if (roll < 96)
        {
            var rating = (Rating)random.Next(4);
            var rationale = $"evidence {random.Next(3)}";
            var expected = Model.SetJudged(standard, new JudgedRating(rating, rationale));
            return new Change($"judge {standard} {rating}", l => l.SetJudgedRating(standard, rating, rationale), expected);
        }

        var cleared = Model.ClearJudged(standard);
        return new Change($"clear {standard}", l => l.ClearJudgedRating(standard), cleared);
    }

    /// <summary>A resend of what a case already holds, or a revision lower than it holds; null when no case exists yet.</summary>
    public Change? NextNoise()
    {
        var known = Model.CaseIds;
        if (known.Count == 0)
        {
            return null;
        }

        var caseId = known[random.Next(known.Count)];
        var state = Model.Case(caseId)!;
        switch (random.Next(4))
        {
            case 0 when !state.IsWithdrawn:
                var copy = state.Judgement with { Traits = [.. state.Judgement.Traits.Reverse()], Answers = [.. state.Judgement.Answers.Reverse()] };
                return new Change($"resend {caseId} r{state.Revision}", l => l.Apply(copy), ChangeOutcome.Duplicate);
            case 1 when state.IsWithdrawn:
                return new Change($"re-withdraw {caseId} r{state.Revision}", l => l.Withdraw(caseId, state.Revision), ChangeOutcome.Duplicate);
            case 2 when state.Revision > 1:
                var stale = RandomJudgement(caseId, 1 + random.NextInt64(state.Revision - 1));
                return new Change($"stale {caseId} r{stale.Revision}", l => l.Apply(stale), ChangeOutcome.Stale);
            case 3:
                var conflicting = RandomJudgement(caseId, state.Revision);
                var expected = !state.IsWithdrawn && ReferenceModel.SameContent(conflicting, state.Judgement) ? ChangeOutcome.Duplicate : ChangeOutcome.Conflict;
                return new Change($"same revision {caseId} r{state.Revision}", l => l.Apply(conflicting), expected);
            default:
                return new Change($"stale withdraw {caseId}", l => l.Withdraw(caseId, Math.Max(1, state.Revision - 1)),
                    state.Revision > 1 ? ChangeOutcome.Stale : state.IsWithdrawn ? ChangeOutcome.Duplicate : ChangeOutcome.Conflict);
        }
    }

    private CaseJudgement RandomJudgement(string caseId, long revision)
    {
        var traits = new List<CaseTrait>();
        if (random.Next(5) > 0)
        {
            traits.Add(new CaseTrait("gender", Genders[random.Next(Genders.Length)]));
        }

        if (random.Next(5) > 0)
        {
            traits.Add(new CaseTrait("grade", Grades[random.Next(Grades.Length)]));
        }

        var answers = rulebook.KeyQuestions
            .Where(_ => random.Next(10) > 0) // now and then a key question is left unanswered
            .Select(kq => new KeyQuestionAnswer(kq.Id, AnswerChoices[random.Next(AnswerChoices.Length)]))
            .ToList();
        return new CaseJudgement(caseId, revision, rulebook.CaseTypes[random.Next(rulebook.CaseTypes.Count)], traits, answers);
    }
}

/// <summary>What the ledger should hold, recomputed from scratch over every case on each check.</summary>
internal sealed class ReferenceModel(Rulebook rulebook)
{
    private readonly Dictionary<string, CaseState> _cases = [];
    private readonly List<string> _caseIds = [];
    private readonly Dictionary<string, JudgedRating> _judged = [];

    public IReadOnlyList<string> CaseIds => _caseIds;

    public CaseState? Case(string caseId) => _cases.GetValueOrDefault(caseId);

    public void Apply(CaseJudgement judgement)
    {
        if (!_cases.ContainsKey(judgement.CaseId))
        {
            _caseIds.Add(judgement.CaseId);
        }

        _cases[judgement.CaseId] = new CaseState(judgement, judgement.Revision, false);
    }

    public void Withdraw(string caseId, long revision) => _cases[caseId] = _cases[caseId] with { Revision = revision, IsWithdrawn = true };

    public ChangeOutcome SetJudged(string standardId, JudgedRating rating)
    {
        var same = _judged.TryGetValue(standardId, out var current) && current == rating;
        _judged[standardId] = rating;
        return same ? ChangeOutcome.Duplicate : ChangeOutcome.Applied;
    }

    public ChangeOutcome ClearJudged(string standardId) => _judged.Remove(standardId) ? ChangeOutcome.Applied : ChangeOutcome.Duplicate;

    public static bool SameContent(CaseJudgement a, CaseJudgement b) =>
        a.CaseType == b.CaseType
        && a.Traits.OrderBy(t => t.Name, StringComparer.Ordinal).SequenceEqual(b.Traits.OrderBy(t => t.Name, StringComparer.Ordinal))
        && a.Answers.OrderBy(x => x.KeyQuestionId, StringComparer.Ordinal).SequenceEqual(b.Answers.OrderBy(x => x.KeyQuestionId, StringComparer.Ordinal));

    public void AssertMatches(InspectionLedger ledger, string where)
    {
        var live = _cases.Values.Where(c => !c.IsWithdrawn).Select(c => c.Judgement).ToList();
        var tallies = Tally(live);
        var expected = RatingEngine.Rate(rulebook, tallies, _judged);
        Assert.True(LedgerComparison.Same(expected, ledger.Results()), $"{where}: results differ from a recomputation");
        Assert.Equal(live.Count, ledger.CaseCount);

        var slices = live
            .SelectMany(j => j.Traits.Select(t => new BreakdownKey(t.Name, t.Value)).Prepend(new BreakdownKey(BreakdownKey.CaseTypeDimension, j.CaseType)),
                (j, key) => (key, j))
            .GroupBy(x => x.key, x => x.j)
            .ToDictionary(g => g.Key, g => (Cases: g.Count(), Tallies: Tally([.. g])));
        var snapshot = ledger.Snapshot();
        Assert.True(slices.Count == snapshot.Breakdowns.Count, $"{where}: {snapshot.Breakdowns.Count} slices, expected {slices.Count}");
        foreach (var (key, slice) in slices)
        {
            Assert.True(snapshot.Breakdowns.TryGetValue(key, out var actual), $"{where}: slice {key} missing");
            Assert.True(slice.Cases == actual.Cases && slice.Tallies.SequenceEqual(actual.KeyQuestions), $"{where}: slice {key} differs");
        }
    }

    private AnswerTally[] Tally(IReadOnlyList<CaseJudgement> judgements)
    {
        var tallies = new AnswerTally[rulebook.KeyQuestions.Count];
        foreach (var judgement in judgements)
        {
            foreach (var answer in judgement.Answers)
            {
                rulebook.TryGetKeyQuestion(answer.KeyQuestionId, out var kq);
                tallies[kq.Index] = tallies[kq.Index].Add(answer.Answer, 1);
            }
        }

        return tallies;
    }
}

internal static class LedgerComparison
{
    private static readonly IReadOnlyList<Rating> NoRatings = [];

    public static bool Same(InspectionLedger a, InspectionLedger b) =>
        a.CaseCount == b.CaseCount && Same(a.Results(), b.Results()) && a.Tallies().SequenceEqual(b.Tallies())
        && SameSlices(a.Snapshot(), b.Snapshot());

    public static bool Same(InspectionResults a, InspectionResults b) =>
        a.Rulebook == b.Rulebook
        && a.KeyQuestions.SequenceEqual(b.KeyQuestions)
        && a.Standards.SequenceEqual(b.Standards)
        && a.Overall with { PossibleRatings = NoRatings } == b.Overall with { PossibleRatings = NoRatings }
        && a.Overall.PossibleRatings.SequenceEqual(b.Overall.PossibleRatings);

    private static bool SameSlices(TallySnapshot a, TallySnapshot b) =>
        a.Breakdowns.Count == b.Breakdowns.Count
        && a.Breakdowns.All(s => b.Breakdowns.TryGetValue(s.Key, out var other)
                                 && other.Cases == s.Value.Cases && other.KeyQuestions.SequenceEqual(s.Value.KeyQuestions));
}
