using BenchmarkDotNet.Attributes;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;

namespace RatingGrid.Domain.Benchmarks;

/// <summary>
/// Applies a 12-answer judgement that replaces an earlier revision of an existing case, on ledgers
/// of different sizes. The cost must not grow with the number of cases.
/// </summary>
[MemoryDiagnoser]
public class ApplyJudgementBenchmark
{
    private const int Batch = 1024;

    private CaseJudgement[] _templates = [];
    private InspectionLedger _ledger = null!;
    private long _revision;

    [Params(10, 1_000, 100_000)]
    public int Cases { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rulebook = RulebookCatalog.BuiltIn.Get(RulebookCatalog.DefaultKey);
        var random = new Random(42);
        _ledger = new InspectionLedger(rulebook);
        for (var i = 0; i < Cases; i++)
        {
            _ledger.Apply(Judgement(rulebook, random, $"case-{i}", 1));
        }

        // Replacements spread over the whole ledger, so a large ledger pays its cache misses. A new
        // revision keeps the case's type and traits and changes its answers, as revisions do.
        _templates = [.. Enumerable.Range(0, Batch).Select(_ =>
        {
            _ledger.TryGetCase($"case-{random.Next(Cases)}", out var current);
            return current.Judgement with { Answers = Answers(rulebook, random) };
        })];
        _revision = 1;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int ApplyReplacingRevision()
    {
        var applied = 0;
        foreach (var template in _templates)
        {
            // Every revision is new, so each apply replaces the case rather than being a duplicate.
            if (_ledger.Apply(template with { Revision = ++_revision }) == ChangeOutcome.Applied)
            {
                applied++;
            }
        }

        return applied;
    }

    private static CaseJudgement Judgement(Rulebook rulebook, Random random, string caseId, long revision) => new(
        caseId,
        revision,
        rulebook.CaseTypes[random.Next(rulebook.CaseTypes.Count)],
        [new CaseTrait("gender", random.Next(2) == 0 ? "female" : "male"), new CaseTrait("grade", $"grade-{random.Next(3)}")],
        Answers(rulebook, random));

    private static KeyQuestionAnswer[] Answers(Rulebook rulebook, Random random) =>
        [.. rulebook.KeyQuestions.Select(kq => new KeyQuestionAnswer(kq.Id, (Answer)(1 + random.Next(3))))];
}
