using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Host.Tests;

/// <summary>Builders for requests, and the Domain's from-scratch figures to compare with.</summary>
internal static class Requests
{
    public static readonly Domain.Rulebooks.Rulebook Rulebook = RulebookCatalog.BuiltIn.Get(RulebookCatalog.DefaultKey);

    public static string NewId(string prefix = "inspection") => $"{prefix}-{Guid.NewGuid():N}";

    public static OpenInspectionRequest Open(string id) => new()
    {
        InspectionId = id,
        PduId = "redcar-cleveland-middlesbrough",
        PduName = "Redcar, Cleveland and Middlesbrough",
        Region = "North East",
        Rulebook = new RulebookRef { Id = Rulebook.Id, Version = Rulebook.Version },
        FieldworkStart = new Date { Year = 2025, Month = 6, Day = 2 },
        FieldworkEnd = new Date { Year = 2025, Month = 6, Day = 27 },
        Actor = "lead-inspector",
    };

    public static Judgement Judgement(string caseId, long revision, int seed = 0)
    {
        var random = new Random(HashCode.Combine(caseId, revision, seed));
        return new Judgement
        {
            CaseId = caseId,
            Revision = revision,
            CaseType = random.Next(3) == 0 ? "licence" : "community",
            Traits = { new Trait { Name = "gender", Value = random.Next(2) == 0 ? "female" : "male" } },
            Answers = { Rulebook.KeyQuestions.Select(kq => new KeyQuestionAnswer { KeyQuestionId = kq.Id, Answer = (Answer)(1 + random.Next(3)) }) },
        };
    }

    public static RecordJudgementsRequest Record(string id, params Judgement[] judgements) =>
        new() { InspectionId = id, Actor = "inspector-1", Judgements = { judgements } };

    /// <summary>The Domain's figures over exactly these judgements (the latest revision of each case counts).</summary>
    public static Domain.Scoring.InspectionResults FromScratch(IEnumerable<Judgement> judgements)
    {
        var ledger = new Domain.Ledger.InspectionLedger(Rulebook);
        foreach (var judgement in judgements.OrderBy(j => j.Revision))
        {
            ledger.Apply(new Domain.Ledger.CaseJudgement(judgement.CaseId, judgement.Revision, judgement.CaseType,
                [.. judgement.Traits.Select(t => new Domain.Ledger.CaseTrait(t.Name, t.Value))],
                [.. judgement.Answers.Select(a => new Domain.Ledger.KeyQuestionAnswer(a.KeyQuestionId, (Domain.Scoring.Answer)(int)a.Answer))]));
        }

        return ledger.Results();
    }

    /// <summary>The Domain's pooled figures over several inspections, each given by its judgements.</summary>
    public static Domain.Aggregation.PooledFigures FromScratchPooled(IEnumerable<IEnumerable<Judgement>> inspections)
    {
        var snapshots = new List<Domain.Ledger.TallySnapshot>();
        foreach (var judgements in inspections)
        {
            var ledger = new Domain.Ledger.InspectionLedger(Rulebook);
            foreach (var judgement in judgements.OrderBy(j => j.Revision))
            {
                ledger.Apply(Mapping.JudgementMapping.ToDomain(judgement));
            }

            snapshots.Add(ledger.Snapshot());
        }

        return Domain.Aggregation.TallyPool.Pool(Rulebook, snapshots);
    }

    /// <summary>Whether pooled wire figures carry exactly the Domain's pooled counts.</summary>
    public static bool SamePooled(Domain.Aggregation.PooledFigures expected, RulebookFigures actual) =>
        (expected.Inspections, expected.Cases) == (actual.Inspections, actual.Cases)
        && expected.KeyQuestions.Select(k => (k.KeyQuestionId, k.Tally.Yes, k.Tally.No, k.Tally.NotApplicable))
            .SequenceEqual(actual.KeyQuestions.Select(k => (k.KeyQuestionId, k.Yes, k.No, k.NotApplicable)));

    /// <summary>Asserts that pooled wire figures carry exactly the Domain's pooled counts.</summary>
    public static void AssertSamePooled(Domain.Aggregation.PooledFigures expected, RulebookFigures actual)
    {
        Assert.Equal((expected.Inspections, expected.Cases), (actual.Inspections, actual.Cases));
        Assert.Equal(expected.KeyQuestions.Select(k => (k.KeyQuestionId, k.Tally.Yes, k.Tally.No, k.Tally.NotApplicable)),
            actual.KeyQuestions.Select(k => (k.KeyQuestionId, k.Yes, k.No, k.NotApplicable)));
    }

    /// <summary>Asserts that the wire results carry exactly the Domain's figures.</summary>
    public static void AssertSame(Domain.Scoring.InspectionResults expected, Results actual)
    {
        Assert.Equal(expected.KeyQuestions.Select(k => (k.KeyQuestionId, k.Yes, k.Applicable, k.RoundedPercent)),
            actual.KeyQuestions.Select(k => (k.KeyQuestionId, k.Yes, k.Applicable, k.HasRoundedPercent ? k.RoundedPercent : (int?)null)));
        Assert.Equal(expected.Standards.Select(s => (s.StandardId, Rating: s.Rating is { } r ? (int)r + 1 : 0)),
            actual.Standards.Select(s => (s.StandardId, Rating: (int)s.Rating)));
        Assert.Equal(expected.Overall.Score, actual.Overall.Score);
        Assert.Equal(expected.Overall.Rating is { } o ? (int)o + 1 : 0, (int)actual.Overall.Rating);
    }
}
