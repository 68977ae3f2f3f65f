using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Domain.Scoring;
using RatingGrid.Grains.Abstractions.Inspections;

namespace RatingGrid.Grains.Tests;

/// <summary>Inspections and judgements for grain tests, and the from-scratch results to compare with.</summary>
internal static class Scenarios
{
    public static readonly Rulebook Rulebook = RulebookCatalog.BuiltIn.Get(RulebookCatalog.DefaultKey);

    private static readonly IReadOnlyList<Rating> NoRatings = [];

    public static InspectionDetails Details(string pdu = "pdu-1") =>
        new(pdu, $"PDU {pdu}", "North East", Rulebook.Id, Rulebook.Version, new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 27));

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>A full 12-answer judgement whose answers depend on the case, revision and seed.</summary>
    public static CaseJudgement Judgement(string caseId, long revision, int seed = 0)
    {
        var random = new Random(HashCode.Combine(caseId, revision, seed));
        return new CaseJudgement(
            caseId,
            revision,
            random.Next(3) == 0 ? "licence" : "community",
            [new CaseTrait("gender", random.Next(2) == 0 ? "female" : "male"), new CaseTrait("grade", $"grade-{random.Next(3)}")],
            [.. Rulebook.KeyQuestions.Select(kq => new KeyQuestionAnswer(kq.Id, (Answer)(1 + random.Next(3))))]);
    }

    public static JudgementBatchInput Batch(params CaseJudgement[] judgements) => new("inspector-1", judgements);

    /// <summary>The results the Domain computes from scratch over exactly these judgements.</summary>
    public static InspectionResults FromScratch(IEnumerable<CaseJudgement> acknowledged)
    {
        var ledger = new InspectionLedger(Rulebook);
        foreach (var judgement in acknowledged.OrderBy(j => j.Revision))
        {
            ledger.Apply(judgement);
        }

        return ledger.Results();
    }

    public static bool Same(InspectionResults a, InspectionResults b) =>
        a.Rulebook == b.Rulebook && a.Cases == b.Cases
        && a.KeyQuestions.SequenceEqual(b.KeyQuestions)
        && a.Standards.SequenceEqual(b.Standards)
        && a.Overall with { PossibleRatings = NoRatings } == b.Overall with { PossibleRatings = NoRatings }
        && a.Overall.PossibleRatings.SequenceEqual(b.Overall.PossibleRatings);
}
