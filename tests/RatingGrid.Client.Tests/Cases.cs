using RatingGrid.Contracts.V1;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Client.Tests;

/// <summary>Judgements to feed: cases answered at random, some of them revised in a later batch.</summary>
internal static class Cases
{
    private static readonly Domain.Rulebooks.Rulebook Rulebook = RulebookCatalog.BuiltIn.Get(RulebookCatalog.DefaultKey);

    /// <summary><paramref name="batches"/> batches of <paramref name="size"/> judgements: new cases, and every third batch revisions of cases sent before.</summary>
    public static List<Judgement[]> Batches(int batches, int size, int seed)
    {
        var random = new Random(seed);
        var (result, sent) = (new List<Judgement[]>(), new List<(string Case, long Revision)>());
        for (var b = 0; b < batches; b++)
        {
            var batch = new List<Judgement>();
            for (var i = 0; i < size; i++)
            {
                var revise = b % 3 == 2 && sent.Count > 0 && batch.Count < size / 2;
                var (caseId, revision) = revise ? sent[random.Next(sent.Count)] : ($"case-{b}-{i}", 0);
                if (batch.Any(j => j.CaseId == caseId))
                {
                    continue; // a case once per batch
                }

                sent.Remove((caseId, revision));
                sent.Add((caseId, revision + 1));
                batch.Add(Judgement(caseId, revision + 1, random));
            }

            result.Add([.. batch]);
        }

        return result;
    }

    public static OpenInspectionRequest Open(string id) => new()
    {
        InspectionId = id,
        PduId = "redcar-cleveland-middlesbrough",
        FieldworkStart = new Date { Year = 2025, Month = 6, Day = 2 },
        FieldworkEnd = new Date { Year = 2025, Month = 6, Day = 27 },
    };

    private static Judgement Judgement(string caseId, long revision, Random random) => new()
    {
        CaseId = caseId,
        Revision = revision,
        CaseType = random.Next(3) == 0 ? "licence" : "community",
        Answers = { Rulebook.KeyQuestions.Select(kq => new KeyQuestionAnswer { KeyQuestionId = kq.Id, Answer = (Answer)(1 + random.Next(3)) }) },
    };
}
