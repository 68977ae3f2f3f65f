using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Security;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>Inspections done before RatingGrid, recorded from their published reports: what was published and nothing more, counted like any published inspection.</summary>
[Collection(nameof(SharedHost))]
public sealed class PublishedRecordTests(HostFixture host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private AggregationService.AggregationServiceClient Aggregation => new(host.Channel);

    [Fact]
    public async Task A_record_is_published_at_once_says_where_its_figures_came_from_and_takes_nothing_more()
    {
        var id = Requests.NewId("record");
        var report = PublishedRecords.Report();
        report.Standards.Add(new PublishedRating { StandardId = "P2.4", Rating = Rating.Inadequate });
        report.KeyQuestions.Add(new PublishedKeyQuestion { KeyQuestionId = "P2.4.S", Percent = 33 });

        var recorded = await host.Inspections.RecordPublishedInspectionAsync(new RecordPublishedInspectionRequest { InspectionId = id, PduId = "Sunderland", Report = report }, cancellationToken: Cancel);

        Assert.Equal((InspectionStatus.Published, "sunderland", "Sunderland", "North East"), (recorded.Status, recorded.PduId, recorded.PduName, recorded.Region));
        Assert.Equal(report, recorded.PublishedReport);
        Assert.Equal(0, recorded.Results.Cases);
        Assert.Equal(InspectionStatus.Published, Assert.Single(recorded.Lifecycle).Status);
        // Recording the same again changes nothing; a different report under the id is refused.
        Assert.Equal(recorded.Version, (await host.Inspections.RecordPublishedInspectionAsync(new RecordPublishedInspectionRequest { InspectionId = id, PduId = "sunderland", Report = report }, cancellationToken: Cancel)).Version);
        var other = await Assert.ThrowsAsync<RpcException>(() => host.Inspections.RecordPublishedInspectionAsync(
            new RecordPublishedInspectionRequest { InspectionId = id, PduId = "sunderland", Report = PublishedRecords.Report(Rating.Good) }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, other.StatusCode);
        // It takes no judgements, ratings or lifecycle steps.
        foreach (var change in new Func<Task>[]
                 {
                     () => host.Inspections.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c1", 1)), cancellationToken: Cancel).ResponseAsync,
                     () => host.Inspections.SetJudgedRatingAsync(new SetJudgedRatingRequest { InspectionId = id, StandardId = "P1.1", Rating = Rating.Good, Rationale = "x" }, cancellationToken: Cancel).ResponseAsync,
                     () => host.Inspections.CorrectInspectionAsync(new CorrectInspectionRequest { InspectionId = id, Reason = "typo" }, cancellationToken: Cancel).ResponseAsync,
                 })
        {
            Assert.Equal(StatusCode.FailedPrecondition, (await Assert.ThrowsAsync<RpcException>(change)).StatusCode);
        }

        Assert.Equal(recorded.Version, (await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel)).Version);
    }

    [Fact]
    public async Task A_record_counts_by_its_published_ratings_apart_from_those_not_published_and_a_later_inspection_replaces_it()
    {
        var region = $"region-{Guid.NewGuid():N}";
        var pdu = Registrations.PduIn(region);
        await host.Channel.RegisterAsync(region, pdu);
        var report = PublishedRecords.Report(Rating.Inadequate);
        report.Standards.Add(new PublishedRating { StandardId = "P1.1", Rating = Rating.Good });
        report.KeyQuestions.Add(new PublishedKeyQuestion { KeyQuestionId = "P2.1.S", Percent = 30 }); // no counts: shown, not pooled
        report.Fieldwork = new StatedDates { AsStated = "2024-06", Earliest = new Date { Year = 2024, Month = 6, Day = 1 }, Latest = new Date { Year = 2024, Month = 6, Day = 30 } };
        var recordId = Requests.NewId("record");
        await host.Inspections.RecordPublishedInspectionAsync(new RecordPublishedInspectionRequest { InspectionId = recordId, PduId = pdu, Report = report }, cancellationToken: Cancel);

        using var publicChannel = TestTokens.Channel(host.Address, TestTokens.Mint(new TokenRequest("public", [Scopes.Read], ["*"], TimeSpan.FromHours(1))));
        var asPublic = new AggregationService.AggregationServiceClient(publicChannel);
        var figures = await Eventually.Until(() => asPublic.GetRegionAsync(new GetRegionRequest { Region = region }, cancellationToken: Cancel).ResponseAsync,
            f => f.Rulebooks.Count == 1, Cancel);
        var current = figures.Rulebooks[0].Current;
        Assert.Equal((1, 1), (current.Pdus, current.Overall.Inadequate));
        Assert.Equal((1, 0), (Counts(current, "P1.1").Good, Counts(current, "P1.1").NotPublished));
        Assert.Equal((0, 0, 1), (Counts(current, "P2.1").Inadequate, Counts(current, "P2.1").Unrated, Counts(current, "P2.1").NotPublished));
        Assert.Equal(0, figures.Rulebooks[0].KeyQuestions.Single(k => k.KeyQuestionId == "P2.1.S").Applicable);
        var summary = (await asPublic.ListRegionInspectionsAsync(new ListRegionInspectionsRequest { Region = region }, cancellationToken: Cancel)).Inspections.Single();
        Assert.Equal(report.SourceUrl, summary.PublishedReport.SourceUrl);

        // A later inspection of the PDU, rated here, is its newest: it counts instead (for those who see it).
        var later = Requests.Open(Requests.NewId("later"));
        (later.Region, later.PduId) = (region, pdu);
        await host.Inspections.OpenInspectionAsync(later, cancellationToken: Cancel);
        var pdus = await Eventually.Until(() => Aggregation.GetRegionPdusAsync(new GetRegionPdusRequest { Region = region }, cancellationToken: Cancel).ResponseAsync,
            a => a.Pdus.Count == 1 && a.Pdus[0].Newest.InspectionId == later.InspectionId, Cancel);
        Assert.Equal(recordId, pdus.Pdus[0].Previous.InspectionId);
        // Those who may see only published work still see the record.
        Assert.Equal(recordId, (await asPublic.GetRegionPdusAsync(new GetRegionPdusRequest { Region = region }, cancellationToken: Cancel)).Pdus.Single().Newest.InspectionId);
    }

    [Theory]
    [InlineData("report.standards", "an unknown standard")]
    [InlineData("report.key_questions[0].percent", "a percentage over 100")]
    [InlineData("report.key_questions[0].percent", "counts at odds with the percentage")]
    [InlineData("report.published.latest", "no publication day")]
    [InlineData("report.overall", "no overall rating")]
    [InlineData("pdu_id", "a PDU not registered")]
    public async Task A_malformed_record_is_refused_naming_the_field_and_nothing_is_stored(string field, string fault)
    {
        var id = Requests.NewId("bad-record");
        var request = new RecordPublishedInspectionRequest { InspectionId = id, PduId = "sunderland", Report = PublishedRecords.Report() };
        switch (fault)
        {
            case "an unknown standard": request.Report.Standards.Add(new PublishedRating { StandardId = "P9.9", Rating = Rating.Good }); break;
            case "a percentage over 100": request.Report.KeyQuestions.Add(new PublishedKeyQuestion { KeyQuestionId = "P2.1.S", Percent = 130 }); break;
            case "counts at odds with the percentage": request.Report.KeyQuestions.Add(new PublishedKeyQuestion { KeyQuestionId = "P2.1.S", Percent = 50, Yes = 1, Applicable = 4 }); break;
            case "no publication day": request.Report.Published.Latest = null; break;
            case "no overall rating": request.Report.Overall = Rating.Unspecified; break;
            default: request.PduId = "atlantis"; break;
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => host.Inspections.RecordPublishedInspectionAsync(request, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(refused.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations, v => v.Field == field);
        var missing = await Assert.ThrowsAsync<RpcException>(() => host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    private static RatingCounts Counts(CurrentPicture current, string standard) => current.Standards.Single(s => s.StandardId == standard).Counts;
}
