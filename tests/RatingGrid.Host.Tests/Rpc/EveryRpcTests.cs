using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>Every rpc of the contract, through a real Kestrel on 127.0.0.1 with Grpc.Net.Client.</summary>
[Collection(nameof(SharedHost))]
public sealed class EveryRpcTests(HostFixture host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_inspection_goes_from_open_to_closed_through_every_rpc()
    {
        var client = host.Inspections;
        var id = Requests.NewId();

        var opened = await client.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        Assert.Equal(InspectionStatus.Open, opened.Status);
        Assert.Equal(1, opened.Version);
        Assert.True(opened.Results.Overall.Provisional);

        var again = await client.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        Assert.Equal(opened.Version, again.Version);

        var judgements = Enumerable.Range(0, 12).Select(i => Requests.Judgement($"case-{i}", 1)).ToArray();
        var ack = await client.RecordJudgementsAsync(Requests.Record(id, judgements), cancellationToken: Cancel);
        Assert.All(ack.Outcomes, o => Assert.Equal(ChangeOutcome.Applied, o));
        Assert.Equal(12, ack.Summary.Cases);

        var withdrawn = await client.WithdrawCaseAsync(new WithdrawCaseRequest { InspectionId = id, CaseId = "case-0", Revision = 2, Actor = "lead" }, cancellationToken: Cancel);
        Assert.Equal(ChangeOutcome.Applied, withdrawn.Outcome);
        Assert.Equal(11, withdrawn.Summary.Cases);

        var set = await client.SetJudgedRatingAsync(new SetJudgedRatingRequest { InspectionId = id, StandardId = "P1.1", Rating = Rating.Good, Rationale = "Clear vision.", Actor = "lead" }, cancellationToken: Cancel);
        Assert.Equal(Rating.Good, set.Summary.Standards.Single(s => s.StandardId == "P1.1").Rating);
        var cleared = await client.ClearJudgedRatingAsync(new ClearJudgedRatingRequest { InspectionId = id, StandardId = "P1.1", Actor = "lead" }, cancellationToken: Cancel);
        Assert.Equal(Rating.Unspecified, cleared.Summary.Standards.Single(s => s.StandardId == "P1.1").Rating);

        var breakdowns = await client.GetBreakdownsAsync(new GetBreakdownsRequest { InspectionId = id, Dimension = "gender" }, cancellationToken: Cancel);
        Assert.All(breakdowns.Breakdowns_, b => Assert.Equal("gender", b.Dimension));
        Assert.Equal(11, breakdowns.Breakdowns_.Sum(b => b.Cases));

        var history = await client.GetCaseHistoryAsync(new GetCaseHistoryRequest { InspectionId = id, CaseId = "case-0" }, cancellationToken: Cancel);
        Assert.Equal([1L, 2L], history.Revisions.Select(r => r.Revision));
        Assert.True(history.Revisions[1].Withdrawn);
        // The request named "inspector-1"; the audit trail names the token's subject.
        Assert.Equal("tester", history.Revisions[0].Actor);

        var got = await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel);
        Requests.AssertSame(Requests.FromScratch(judgements.Skip(1)), got.Results);

        var closed = await client.CloseInspectionAsync(new InspectionActionRequest { InspectionId = id, Actor = "lead" }, cancellationToken: Cancel);
        Assert.Equal(InspectionStatus.Closed, closed.Status);
        var reopened = await client.ReopenInspectionAsync(new InspectionActionRequest { InspectionId = id, Actor = "lead" }, cancellationToken: Cancel);
        Assert.Equal(InspectionStatus.Open, reopened.Status);
    }

    [Fact]
    public async Task Streamed_batches_are_acknowledged_once_each_in_order()
    {
        var id = Requests.NewId();
        await host.Inspections.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        using var call = host.Inspections.StreamJudgements(cancellationToken: Cancel);
        for (ulong b = 1; b <= 5; b++)
        {
            await call.RequestStream.WriteAsync(new JudgementBatch { BatchId = b, InspectionId = id, Actor = "feed", Judgements = { Requests.Judgement($"case-{b}", 1) } }, Cancel);
        }

        await call.RequestStream.CompleteAsync();
        var acks = await call.ResponseStream.ReadAllAsync(Cancel).ToListAsync(Cancel);

        Assert.Equal([1UL, 2UL, 3UL, 4UL, 5UL], acks.Select(a => a.BatchId));
        Assert.Equal(5, acks[^1].Summary.Cases);
    }

    [Fact]
    public async Task A_watcher_gets_the_current_state_then_each_newer_version()
    {
        var id = Requests.NewId();
        var opened = await host.Inspections.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        using var watch = host.Inspections.WatchInspection(new WatchInspectionRequest { InspectionId = id }, cancellationToken: Cancel);

        Assert.True(await watch.ResponseStream.MoveNext(Cancel));
        Assert.Equal(opened.Version, watch.ResponseStream.Current.Version);
        var ack = await host.Inspections.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c1", 1)), cancellationToken: Cancel);
        Assert.True(await watch.ResponseStream.MoveNext(Cancel));
        Assert.Equal(ack.Version, watch.ResponseStream.Current.Version);
        Assert.Equal(1, watch.ResponseStream.Current.Results.Cases);
    }

    [Fact]
    public async Task Rulebooks_are_listed_and_described()
    {
        var list = await host.Rulebooks.ListRulebooksAsync(new ListRulebooksRequest(), cancellationToken: Cancel);
        var latest = await host.Rulebooks.GetRulebookAsync(new GetRulebookRequest { Rulebook = new RulebookRef { Id = "hmip-pdu-2023" } }, cancellationToken: Cancel);

        Assert.Contains(list.Rulebooks, r => r.Ref.Id == "hmip-pdu-2023");
        Assert.Equal(21, latest.MaxScore);
        Assert.Equal(7, latest.Standards.Count);
        Assert.Equal(12, latest.Standards.Sum(s => s.KeyQuestions.Count));
    }

    [Fact]
    public async Task Health_is_serving_and_reflection_lists_the_services()
    {
        var health = await new global::Grpc.Health.V1.Health.HealthClient(host.Channel).CheckAsync(new HealthCheckRequest(), cancellationToken: Cancel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

        using var reflection = new ServerReflection.ServerReflectionClient(host.Channel).ServerReflectionInfo(cancellationToken: Cancel);
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }, Cancel);
        await reflection.RequestStream.CompleteAsync();
        Assert.True(await reflection.ResponseStream.MoveNext(Cancel));
        var services = reflection.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("ratinggrid.v1.InspectionService", services);
        Assert.Contains("ratinggrid.v1.RulebookService", services);

        using var http = new HttpClient();
        var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{host.HealthPort}/health/ready"), Cancel);
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }
}
