using RatingGrid.Contracts.V1;

namespace RatingGrid.Reads.Benchmarks;

internal static class Requests
{
    public static OpenInspectionRequest Open(RatingGrid.Domain.Rulebooks.Rulebook rulebook, string id, string region) => new()
    {
        InspectionId = id, PduId = id, PduName = $"PDU {id}", Region = region,
        Rulebook = new RulebookRef { Id = rulebook.Id, Version = rulebook.Version },
        FieldworkStart = new Date { Year = 2025, Month = 6, Day = 1 }, FieldworkEnd = new Date { Year = 2025, Month = 6, Day = 30 }, Actor = "bench",
    };

    /// <summary>Full cases: every key question answered, yes, no and n/a in turn.</summary>
    public static RecordJudgementsRequest Batch(RatingGrid.Domain.Rulebooks.Rulebook rulebook, string id, int revision, int firstCase, int cases)
    {
        var request = new RecordJudgementsRequest { InspectionId = id, Actor = "bench" };
        for (var c = firstCase; c < firstCase + cases; c++)
        {
            var judgement = new Judgement { CaseId = $"case-{c}", Revision = revision, CaseType = "community" };
            judgement.Answers.AddRange(rulebook.KeyQuestions.Select((kq, i) => new KeyQuestionAnswer { KeyQuestionId = kq.Id, Answer = (Answer)(1 + ((i + c + revision) % 3)) }));
            request.Judgements.Add(judgement);
        }

        return request;
    }
}
