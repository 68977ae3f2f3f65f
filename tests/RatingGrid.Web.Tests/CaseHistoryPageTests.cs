using Bunit;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Web.Components.Pages;

namespace RatingGrid.Web.Tests;

/// <summary>A case's history: every revision with who made it and when, or why it cannot be shown.</summary>
public sealed class CaseHistoryPageTests : IDisposable
{
    private readonly WebFakes _fakes = new();

    public void Dispose() => _fakes.Dispose();

    private IRenderedComponent<CaseHistoryPage> Render() =>
        _fakes.Context.Render<CaseHistoryPage>(p => p.Add(page => page.InspectionId, "redcar-2025").Add(page => page.CaseId, "c1"));

    [Fact]
    public void Each_revision_shows_its_author_time_and_answers_and_a_withdrawal_says_so()
    {
        var first = new Judgement { CaseId = "c1", Revision = 1, CaseType = "community" };
        first.Answers.Add(new KeyQuestionAnswer { KeyQuestionId = "P2.1.S", Answer = Answer.No });
        var at = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero));
        _fakes.Reads.History = (new CaseHistory
        {
            InspectionId = "redcar-2025",
            CaseId = "c1",
            Revisions = { new CaseRevision { Revision = 1, Actor = "inspector-a", ReceivedAt = at, Judgement = first }, new CaseRevision { Revision = 2, Actor = "inspector-b", ReceivedAt = at, Withdrawn = true } },
        });

        var page = Render();

        Assert.Equal(2, page.FindAll("[data-revision]").Count);
        Assert.Contains("inspector-a", page.Find("[data-revision='1']").TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-12-02 09:30:00", page.Find("[data-revision='1']").TextContent, StringComparison.Ordinal);
        Assert.Equal("community: P2.1.S no", page.Find("[data-revision='1'] [data-judgement]").TextContent);
        Assert.Equal("Withdrawn", page.Find("[data-revision='2'] [data-judgement]").TextContent);
    }

    [Theory]
    [InlineData(StatusCode.NotFound, "NotFound")]
    [InlineData(StatusCode.PermissionDenied, "Refused")]
    [InlineData(StatusCode.Unavailable, "Unreachable")]
    public void A_failed_read_says_what_went_wrong(StatusCode code, string kind)
    {
        _fakes.Reads.Failure = (new RpcException(new Status(code, "what the service said")));

        var page = Render();

        Assert.Equal(kind, page.Find("[role=alert]").GetAttribute("data-problem"));
        Assert.Empty(page.FindAll("[data-history]"));
    }
}
