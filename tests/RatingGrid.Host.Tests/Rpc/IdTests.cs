using Google.Rpc;
using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>
/// Two distinct ids never share an inspection: ids outside the grammar are refused, and ids inside it
/// are kept apart however alike they look (storage keys are an injective encoding of the id).
/// </summary>
[Collection(nameof(SharedHost))]
public sealed class IdTests(HostFixture host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private AggregationService.AggregationServiceClient Aggregation => new(host.Channel);

    [Fact]
    public async Task Ids_that_differ_only_by_dots_case_separators_or_trailing_characters_are_kept_apart()
    {
        var stem = $"alias{Guid.NewGuid():N}";
        string[] ids = [$"{stem}.x", $"{stem}..x", $"{stem}.x.", $"{stem}.X", $"{stem.ToUpperInvariant()}.x", $"{stem}-x", $"{stem}_x", $"{stem}:x", $"{stem}x"];
        foreach (var id in ids)
        {
            var open = Requests.Open(id);
            open.PduName = $"PDU of {id}";
            await host.Inspections.OpenInspectionAsync(open, cancellationToken: Cancel);
        }

        await host.Inspections.RecordJudgementsAsync(Requests.Record(ids[1], Requests.Judgement("c1", 1)), cancellationToken: Cancel);

        foreach (var id in ids)
        {
            var read = await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel);
            Assert.Equal(id, read.InspectionId);
            Assert.Equal($"PDU of {id}", read.PduName);
            Assert.Equal(id == ids[1] ? 1 : 0, read.Results.Cases);
        }

        var nation = await Eventually.Until(
            () => Aggregation.GetNationAsync(new GetNationRequest { IncludeInspections = true }, cancellationToken: Cancel).ResponseAsync,
            n => ids.All(id => n.Inspections.Any(s => s.InspectionId == id && s.PduName == $"PDU of {id}")), Cancel);
        Assert.All(ids, id => Assert.Single(nation.Inspections, s => s.InspectionId == id));
    }

    [Theory]
    [InlineData("alias/./x")]
    [InlineData("../../x/./y/")]
    [InlineData("alias/x")]
    [InlineData("x y")]
    [InlineData("x\n")]
    [InlineData("x\u0000")]
    [InlineData(".hidden")]
    [InlineData("-x")]
    [InlineData("x%2Fy")]
    [InlineData("caf\u00e9")]
    public async Task An_id_outside_the_grammar_is_refused_naming_the_field_and_opens_nothing(string id)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => host.Inspections.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(refused.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations, v => v.Field == "inspection_id");
        var read = await Assert.ThrowsAsync<RpcException>(() => host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, read.StatusCode);
    }

    public static TheoryData<string> MalformedCases => [.. Malformed.Keys];

    // name -> (call, field the violation must name)
    private static readonly Dictionary<string, (Func<IdTests, Task> Call, string Field)> Malformed = new()
    {
        ["get: slash in id"] = (t => t.Unary(c => c.GetInspectionAsync(new GetInspectionRequest { InspectionId = "a/b" })), "inspection_id"),
        ["open: pdu id with a space"] = (t => t.Unary(c => c.OpenInspectionAsync(Open(r => r.PduId = "redcar pdu"))), "pdu_id"),
        ["open: region with a line break"] = (t => t.Unary(c => c.OpenInspectionAsync(Open(r => r.Region = "North\nEast"))), "region"),
        ["open: name with NUL"] = (t => t.Unary(c => c.OpenInspectionAsync(Open(r => r.PduName = "Redcar\u0000"))), "pdu_name"),
        ["open: rulebook id with a slash"] = (t => t.Unary(c => c.OpenInspectionAsync(Open(r => r.Rulebook.Id = "hmip/pdu"))), "rulebook.id"),
        ["close: dotted path"] = (t => t.Unary(c => c.CloseInspectionAsync(new InspectionActionRequest { InspectionId = "../x", Actor = "lead" })), "inspection_id"),
        ["reopen: tab"] = (t => t.Unary(c => c.ReopenInspectionAsync(new InspectionActionRequest { InspectionId = "x\ty", Actor = "lead" })), "inspection_id"),
        ["record: inspection id with a slash"] = (t => t.Unary(c => c.RecordJudgementsAsync(Requests.Record("a/b", Requests.Judgement("c1", 1)))), "inspection_id"),
        ["record: case id with a slash"] = (t => t.Unary(c => c.RecordJudgementsAsync(Requests.Record(t._open, Requests.Judgement("case/1", 1)))), "judgements[0].case_id"),
        ["record: trait value with an escape"] = (t => t.Unary(c => c.RecordJudgementsAsync(Requests.Record(t._open, WithTrait("\u001b[31m")))), "judgements[0].traits[0].value"),
        ["stream: case id with a space"] = (t => t.Stream(Requests.Judgement("case 1", 1)), "judgements[0].case_id"),
        ["withdraw: case id with a slash"] = (t => t.Unary(c => c.WithdrawCaseAsync(new WithdrawCaseRequest { InspectionId = t._open, CaseId = "c/1", Revision = 2, Actor = "lead" })), "case_id"),
        ["judged rating: standard id with a space"] = (t => t.Unary(c => c.SetJudgedRatingAsync(new SetJudgedRatingRequest { InspectionId = t._open, StandardId = "P1 1", Rating = Rating.Good, Rationale = "ok", Actor = "lead" })), "standard_id"),
        ["judged rating: rationale with NUL"] = (t => t.Unary(c => c.SetJudgedRatingAsync(new SetJudgedRatingRequest { InspectionId = t._open, StandardId = "P1.1", Rating = Rating.Good, Rationale = "why\u0000", Actor = "lead" })), "rationale"),
        ["clear judged rating: slash"] = (t => t.Unary(c => c.ClearJudgedRatingAsync(new ClearJudgedRatingRequest { InspectionId = t._open, StandardId = "P1/1", Actor = "lead" })), "standard_id"),
        ["breakdowns: dimension with a line break"] = (t => t.Unary(c => c.GetBreakdownsAsync(new GetBreakdownsRequest { InspectionId = t._open, Dimension = "gen\nder" })), "dimension"),
        ["history: case id with a slash"] = (t => t.Unary(c => c.GetCaseHistoryAsync(new GetCaseHistoryRequest { InspectionId = t._open, CaseId = "../c1" })), "case_id"),
        ["watch: id with a slash"] = (t => t.Watch(new WatchInspectionRequest { InspectionId = "a/b" }), "inspection_id"),
        ["region: control character"] = (t => t.Aggregate(c => c.GetRegionAsync(new GetRegionRequest { Region = "Wales\r" })), "region"),
        ["nation: rulebook filter with a slash"] = (t => t.Aggregate(c => c.GetNationAsync(new GetNationRequest { RulebookId = "hmip/x" })), "rulebook_id"),
        ["nation: region filter with a line break"] = (t => t.Aggregate(c => c.GetNationAsync(new GetNationRequest { Region = "North\nEast" })), "region"),
        ["rulebook: dotted path"] = (t => t.Rulebook(new RulebookRef { Id = "../hmip" }), "rulebook.id"),
    };

    private readonly string _open = OpenOnce(host);

    [Theory]
    [MemberData(nameof(MalformedCases))]
    public async Task A_malformed_id_or_name_is_invalid_argument_naming_its_field(string name)
    {
        var (call, field) = Malformed[name];

        var refused = await Assert.ThrowsAsync<RpcException>(() => call(this));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var violation = Assert.Single(refused.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations, v => v.Field == field);
        Assert.DoesNotContain(violation.Description, c => char.IsControl(c)); // the message quotes the value escaped
    }

    private static string OpenOnce(HostFixture host)
    {
        var id = Requests.NewId("ids");
        host.Inspections.OpenInspection(Requests.Open(id));
        return id;
    }

    private static OpenInspectionRequest Open(Action<OpenInspectionRequest> change)
    {
        var request = Requests.Open(Requests.NewId("fresh"));
        change(request);
        return request;
    }

    private static Judgement WithTrait(string value)
    {
        var judgement = Requests.Judgement("c9", 1);
        judgement.Traits[0].Value = value;
        return judgement;
    }

    private async Task Unary<T>(Func<InspectionService.InspectionServiceClient, AsyncUnaryCall<T>> call) => await call(host.Inspections);

    private async Task Aggregate<T>(Func<AggregationService.AggregationServiceClient, AsyncUnaryCall<T>> call) => await call(Aggregation);

    private async Task Rulebook(RulebookRef reference) => await host.Rulebooks.GetRulebookAsync(new GetRulebookRequest { Rulebook = reference });

    private async Task Stream(Judgement judgement)
    {
        using var call = host.Inspections.StreamJudgements();
        await call.RequestStream.WriteAsync(new JudgementBatch { BatchId = 1, InspectionId = _open, Actor = "feed", Judgements = { judgement } });
        await call.RequestStream.CompleteAsync();
        await call.ResponseStream.MoveNext(CancellationToken.None);
    }

    private async Task Watch(WatchInspectionRequest request)
    {
        using var call = host.Inspections.WatchInspection(request);
        await call.ResponseStream.MoveNext(CancellationToken.None);
    }
}
