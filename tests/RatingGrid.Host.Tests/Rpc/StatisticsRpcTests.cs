using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>Each key question's interval and every figure's headroom, as a client reads them.</summary>
[Collection(nameof(SharedHost))]
public sealed class StatisticsRpcTests(HostFixture host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Key_questions_carry_their_95_percent_interval_and_headroom_and_case_rated_standards_their_headroom()
    {
        // Assessment's engagement question at 29 of 45 (64.4%, published 64: Requires improvement).
        var id = Requests.NewId("stats");
        await host.Inspections.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        var judgements = Enumerable.Range(0, 45).Select(c => new Judgement
        {
            CaseId = $"c{c}", Revision = 1, CaseType = "community",
            Answers = { new KeyQuestionAnswer { KeyQuestionId = "P2.1.E", Answer = c < 29 ? Answer.Yes : Answer.No } },
        });
        await host.Inspections.RecordJudgementsAsync(Requests.Record(id, [.. judgements]), cancellationToken: Cancel);

        var results = (await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel)).Results;

        var engagement = results.KeyQuestions.Single(k => k.KeyQuestionId == "P2.1.E");
        Assert.Equal(49.84, Math.Round(engagement.Interval95.LowerPercent, 2));
        Assert.Equal(76.78, Math.Round(engagement.Interval95.UpperPercent, 2));
        Assert.Equal(1, engagement.Headroom.YesToLift);   // 30 of 46 = 65.2%: Good
        Assert.Equal(14, engagement.Headroom.NoToLower);  // 29 of 59 = 49.2%: Inadequate; 29 of 58 is 50%
        var unanswered = results.KeyQuestions.Single(k => k.KeyQuestionId == "P2.1.D");
        Assert.Null(unanswered.Interval95);
        Assert.Null(unanswered.Headroom);

        var assessment = results.Standards.Single(s => s.StandardId == "P2.1");
        Assert.Equal(Rating.RequiresImprovement, assessment.Rating);
        Assert.Equal(1, assessment.Headroom.YesToLift);
        Assert.Equal(14, assessment.Headroom.NoToLower);
        Assert.Null(results.Standards.Single(s => s.StandardId == "P2.2").Headroom); // unrated
        Assert.Null(results.Standards.Single(s => s.StandardId == "P1.1").Headroom); // judged
    }
}
