using RatingGrid.Contracts.V1;

namespace RatingGrid.Testing;

/// <summary>The requests the load clients send: inspections to open, and batches of full cases.</summary>
public static class LoadRequests
{
    public static OpenInspectionRequest Open(Domain.Rulebooks.Rulebook rulebook, string id, string region, string? pdu = null, int year = 2025) => new()
    {
        InspectionId = id, PduId = pdu ?? id, PduName = $"PDU {pdu ?? id}", Region = region,
        Rulebook = new RulebookRef { Id = rulebook.Id, Version = rulebook.Version },
        FieldworkStart = new Date { Year = year, Month = 6, Day = 1 }, FieldworkEnd = new Date { Year = year, Month = 6, Day = 30 }, Actor = "bench",
    };

    /// <summary>Full cases: every key question answered, yes, no and n/a in turn.</summary>
    public static RecordJudgementsRequest Batch(Domain.Rulebooks.Rulebook rulebook, string id, int revision, int firstCase, int cases)
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
