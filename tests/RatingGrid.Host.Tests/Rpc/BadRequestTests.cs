using Google.Rpc;
using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>Shared state for the catalogue: an open inspection with cases, and a closed one.</summary>
public sealed class BadRequestState(Azurite azurite) : IAsyncLifetime
{
    public HostFixture Host { get; } = new(azurite);

    public string OpenId { get; } = Requests.NewId("open");

    public string ClosedId { get; } = Requests.NewId("closed");

    public async ValueTask InitializeAsync()
    {
        await Host.InitializeAsync();
        var client = Host.Inspections;
        await client.OpenInspectionAsync(Requests.Open(OpenId));
        await client.RecordJudgementsAsync(Requests.Record(OpenId, Requests.Judgement("c1", 3), Requests.Judgement("c2", 1)));
        await client.OpenInspectionAsync(Requests.Open(ClosedId));
        await client.CloseInspectionAsync(new InspectionActionRequest { InspectionId = ClosedId, Actor = "lead" });
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>
/// Every bad request gets its documented status, a message, and (for INVALID_ARGUMENT) a field
/// violation naming the field; a following read shows that nothing changed.
/// </summary>
public sealed class BadRequestTests(BadRequestState state) : IClassFixture<BadRequestState>
{
    private static readonly string Long = new('x', 200);

    private static Judgement Valid(string caseId = "new-case") => Requests.Judgement(caseId, 1);

    private static Judgement With(Action<Judgement> change)
    {
        var judgement = Valid();
        change(judgement);
        return judgement;
    }

    private static AggregationService.AggregationServiceClient Aggregation(BadRequestState state) => new(state.Host.Channel);

    private static SetJudgedRatingRequest Judged(string id, string standard, Rating rating, string rationale) =>
        new() { InspectionId = id, StandardId = standard, Rating = rating, Rationale = rationale, Actor = "lead" };

    private static Task<Report> Report(BadRequestState state, Action<ReportRequest> change)
    {
        var request = new ReportRequest { Region = "North East" };
        change(request);
        return Aggregation(state).GetRegionReportAsync(request).ResponseAsync;
    }

    private static RegistryService.RegistryServiceClient Registry(BadRequestState state) => new(state.Host.Channel);

    private static ReportPeriod Period(PeriodBasis basis, int fromYear, int toYear) =>
        new() { Basis = basis, From = new Date { Year = fromYear, Month = 1, Day = 1 }, To = new Date { Year = toYear, Month = 1, Day = 1 } };

    private static Task<Inspection> Embargo(BadRequestState state, string id, DateTimeOffset until) =>
        state.Host.Inspections.EmbargoInspectionAsync(new EmbargoInspectionRequest { InspectionId = id, PublishAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(until), Actor = "lead" }).ResponseAsync;

    public static TheoryData<string> Cases => [.. Catalogue.Keys];

    // name → (call, expected status, field named by the violation for INVALID_ARGUMENT)
    private static readonly Dictionary<string, (Func<BadRequestState, Task> Call, StatusCode Code, string? Field)> Catalogue = new()
    {
        ["list a region's inspections without a region"] = (s => Aggregation(s).ListRegionInspectionsAsync(new ListRegionInspectionsRequest()).ResponseAsync, StatusCode.InvalidArgument, "region"),
        ["list a region's inspections by a rating outside the enum"] = (s => Aggregation(s).ListRegionInspectionsAsync(new ListRegionInspectionsRequest { Region = "North East", Overall = (Rating)42 }).ResponseAsync, StatusCode.InvalidArgument, "overall"),
        ["list a region's inspections in an unknown order"] = (s => Aggregation(s).ListRegionInspectionsAsync(new ListRegionInspectionsRequest { Region = "North East", Order = (InspectionOrder)7 }).ResponseAsync, StatusCode.InvalidArgument, "order"),
        ["a pdu's history without a pdu id"] = (s => Aggregation(s).GetPduHistoryAsync(new GetPduHistoryRequest()).ResponseAsync, StatusCode.InvalidArgument, "pdu_id"),
        ["a pdu's history for a malformed pdu id"] = (s => Aggregation(s).GetPduHistoryAsync(new GetPduHistoryRequest { PduId = "../x" }).ResponseAsync, StatusCode.InvalidArgument, "pdu_id"),
        ["a region's report without a region"] = (s => Aggregation(s).GetRegionReportAsync(new ReportRequest()).ResponseAsync, StatusCode.InvalidArgument, "region"),
        ["a region's report for an oversized region"] = (s => Aggregation(s).GetRegionReportAsync(new ReportRequest { Region = new string('r', 300) }).ResponseAsync, StatusCode.InvalidArgument, "region"),
        ["the nation's report filtered by an oversized region"] = (s => Aggregation(s).GetNationReportAsync(new ReportRequest { Region = new string('r', 300) }).ResponseAsync, StatusCode.InvalidArgument, "region"),
        ["a report as of month 13"] = (s => Report(s, r => r.AsOf = new Date { Year = 2025, Month = 13, Day = 1 }), StatusCode.InvalidArgument, "as_of"),
        ["a report as of 30 February"] = (s => Report(s, r => r.AsOf = new Date { Year = 2025, Month = 2, Day = 30 }), StatusCode.InvalidArgument, "as_of"),
        ["a report as of a day and for a period"] = (s => Report(s, r => (r.AsOf, r.Period) = (new Date { Year = 2025, Month = 1, Day = 1 }, Period(PeriodBasis.Fieldwork, 2024, 2025))), StatusCode.InvalidArgument, "as_of"),
        ["a period without its basis"] = (s => Report(s, r => r.Period = Period(PeriodBasis.Unspecified, 2024, 2025)), StatusCode.InvalidArgument, "period.basis"),
        ["a period on a basis outside the enum"] = (s => Report(s, r => r.Period = Period((PeriodBasis)9, 2024, 2025)), StatusCode.InvalidArgument, "period.basis"),
        ["a period without its first day"] = (s => Report(s, r => r.Period = new ReportPeriod { Basis = PeriodBasis.Publication, To = new Date { Year = 2025, Month = 1, Day = 1 } }), StatusCode.InvalidArgument, "period.from"),
        ["a period without its last day"] = (s => Report(s, r => r.Period = new ReportPeriod { Basis = PeriodBasis.Publication, From = new Date { Year = 2025, Month = 1, Day = 1 } }), StatusCode.InvalidArgument, "period.to"),
        ["a period from a day that does not exist"] = (s => Report(s, r => r.Period = new ReportPeriod { Basis = PeriodBasis.Fieldwork, From = new Date { Year = 2023, Month = 4, Day = 31 }, To = new Date { Year = 2025, Month = 1, Day = 1 } }), StatusCode.InvalidArgument, "period.from"),
        ["a period ending before it starts"] = (s => Report(s, r => r.Period = Period(PeriodBasis.Fieldwork, 2025, 2024)), StatusCode.InvalidArgument, "period.to"),
        ["a report by a rating outside the enum"] = (s => Report(s, r => r.Overall = (Rating)12), StatusCode.InvalidArgument, "overall"),
        ["a report on a malformed rulebook id"] = (s => Report(s, r => r.RulebookId = "../hmip"), StatusCode.InvalidArgument, "rulebook_id"),
        ["embargo without a publication time"] = (s => s.Host.Inspections.EmbargoInspectionAsync(new EmbargoInspectionRequest { InspectionId = s.ClosedId, Actor = "lead" }).ResponseAsync, StatusCode.InvalidArgument, "publish_at"),
        ["embargo until a time in the past"] = (s => Embargo(s, s.ClosedId, DateTimeOffset.UtcNow.AddMinutes(-5)), StatusCode.InvalidArgument, "publish_at"),
        ["embargo until a timestamp out of range"] = (s => s.Host.Inspections.EmbargoInspectionAsync(new EmbargoInspectionRequest { InspectionId = s.ClosedId, PublishAt = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 1, Nanos = -3 }, Actor = "lead" }).ResponseAsync, StatusCode.InvalidArgument, "publish_at"),
        ["embargo an inspection still in fieldwork"] = (s => Embargo(s, s.OpenId, DateTimeOffset.UtcNow.AddDays(1)), StatusCode.FailedPrecondition, null),
        ["publish an inspection still in fieldwork"] = (s => s.Host.Inspections.PublishInspectionAsync(new InspectionActionRequest { InspectionId = s.OpenId, Actor = "lead" }).ResponseAsync, StatusCode.FailedPrecondition, null),
        ["correct an inspection that is not published"] = (s => s.Host.Inspections.CorrectInspectionAsync(new CorrectInspectionRequest { InspectionId = s.ClosedId, Reason = "Wrong case count.", Actor = "lead" }).ResponseAsync, StatusCode.FailedPrecondition, null),
        ["correct without a reason"] = (s => s.Host.Inspections.CorrectInspectionAsync(new CorrectInspectionRequest { InspectionId = s.ClosedId, Actor = "lead" }).ResponseAsync, StatusCode.InvalidArgument, "reason"),
        ["publish an unknown inspection"] = (s => s.Host.Inspections.PublishInspectionAsync(new InspectionActionRequest { InspectionId = "nobody", Actor = "lead" }).ResponseAsync, StatusCode.NotFound, null),
        ["open an inspection of a pdu nobody registered"] = (s => s.Host.Inspections.OpenInspectionAsync(Open(s, r => r.PduId = "unregistered-pdu")).ResponseAsync, StatusCode.InvalidArgument, "pdu_id"),
        ["open an inspection in a region other than its pdu's"] = (s => s.Host.Inspections.OpenInspectionAsync(Open(s, r => r.Region = "Wales")).ResponseAsync, StatusCode.InvalidArgument, "region"),
        ["register a pdu with a malformed id"] = (s => Registry(s).AddPduAsync(new AddPduRequest { PduId = "no spaces please", Name = "X", Region = "Wales" }).ResponseAsync, StatusCode.InvalidArgument, "pdu_id"),
        ["register a pdu in a region nobody registered"] = (s => Registry(s).AddPduAsync(new AddPduRequest { PduId = "lost-pdu", Name = "Lost", Region = "Atlantis" }).ResponseAsync, StatusCode.InvalidArgument, "region"),
        ["register a pdu without a name"] = (s => Registry(s).AddPduAsync(new AddPduRequest { PduId = "nameless-pdu", Region = "Wales" }).ResponseAsync, StatusCode.InvalidArgument, "name"),
        ["register a pdu already registered elsewhere"] = (s => Registry(s).AddPduAsync(new AddPduRequest { PduId = "redcar-cleveland-middlesbrough", Name = "Redcar, Cleveland and Middlesbrough", Region = "Wales" }).ResponseAsync, StatusCode.FailedPrecondition, null),
        ["register a blank region"] = (s => Registry(s).AddRegionAsync(new AddRegionRequest { Region = "" }).ResponseAsync, StatusCode.InvalidArgument, "region"),
        ["register a region with a line break"] = (s => Registry(s).AddRegionAsync(new AddRegionRequest { Region = "North\nEast" }).ResponseAsync, StatusCode.InvalidArgument, "region"),
        ["rename a pdu nobody registered"] = (s => Registry(s).RenamePduAsync(new RenamePduRequest { PduId = "unregistered-pdu", Name = "Anything" }).ResponseAsync, StatusCode.NotFound, null),
        ["rename a pdu to a blank name"] = (s => Registry(s).RenamePduAsync(new RenamePduRequest { PduId = "redcar-cleveland-middlesbrough", Name = "  " }).ResponseAsync, StatusCode.InvalidArgument, "name"),
        ["list the pdus of a region nobody registered"] = (s => Registry(s).ListPdusAsync(new ListPdusRequest { Region = "Atlantis" }).ResponseAsync, StatusCode.InvalidArgument, "region"),
        ["get unknown inspection"] = (s => s.Host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = "nobody" }).ResponseAsync, StatusCode.NotFound, null),
        ["get with empty id"] = (s => s.Host.Inspections.GetInspectionAsync(new GetInspectionRequest()).ResponseAsync, StatusCode.InvalidArgument, "inspection_id"),
        ["get with oversized id"] = (s => s.Host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = Long }).ResponseAsync, StatusCode.InvalidArgument, "inspection_id"),
        ["open without pdu id"] = (s => s.Host.Inspections.OpenInspectionAsync(Open(s, r => r.PduId = "")).ResponseAsync, StatusCode.InvalidArgument, "pdu_id"),
        ["open with unknown rulebook"] = (s => s.Host.Inspections.OpenInspectionAsync(Open(s, r => r.Rulebook = new RulebookRef { Id = "nonesuch", Version = 1 })).ResponseAsync, StatusCode.InvalidArgument, "rulebook.id"),
        ["open with unknown rulebook version"] = (s => s.Host.Inspections.OpenInspectionAsync(Open(s, r => r.Rulebook.Version = 9)).ResponseAsync, StatusCode.InvalidArgument, "rulebook.version"),
        ["open without fieldwork start"] = (s => s.Host.Inspections.OpenInspectionAsync(Open(s, r => r.FieldworkStart = null)).ResponseAsync, StatusCode.InvalidArgument, "fieldwork_start"),
        ["open with a date that does not exist"] = (s => s.Host.Inspections.OpenInspectionAsync(Open(s, r => r.FieldworkEnd = new Date { Year = 2025, Month = 2, Day = 30 })).ResponseAsync, StatusCode.InvalidArgument, "fieldwork_end"),
        ["open with fieldwork ending before it starts"] = (s => s.Host.Inspections.OpenInspectionAsync(Open(s, r => r.FieldworkEnd = new Date { Year = 2025, Month = 5, Day = 1 })).ResponseAsync, StatusCode.InvalidArgument, "fieldwork_end"),
        ["open again with other details"] = (s => s.Host.Inspections.OpenInspectionAsync(OtherName(s.OpenId)).ResponseAsync, StatusCode.FailedPrecondition, null),
        ["record to unknown inspection"] = (s => Record(s, "nobody", Valid()), StatusCode.NotFound, null),
        ["record unknown key question"] = (s => Record(s, s.OpenId, With(j => j.Answers[0].KeyQuestionId = "P9.9.X")), StatusCode.InvalidArgument, "judgements[0].answers[0].key_question_id"),
        ["record unspecified answer"] = (s => Record(s, s.OpenId, With(j => j.Answers[0].Answer = Answer.Unspecified)), StatusCode.InvalidArgument, "judgements[0].answers[0].answer"),
        ["record answer outside the enum"] = (s => Record(s, s.OpenId, With(j => j.Answers[0].Answer = (Answer)99)), StatusCode.InvalidArgument, "judgements[0].answers[0].answer"),
        ["record revision 0"] = (s => Record(s, s.OpenId, With(j => j.Revision = 0)), StatusCode.InvalidArgument, "judgements[0].revision"),
        ["record negative revision"] = (s => Record(s, s.OpenId, With(j => j.Revision = -4)), StatusCode.InvalidArgument, "judgements[0].revision"),
        ["record empty case id"] = (s => Record(s, s.OpenId, With(j => j.CaseId = "")), StatusCode.InvalidArgument, "judgements[0].case_id"),
        ["record oversized case id"] = (s => Record(s, s.OpenId, With(j => j.CaseId = Long)), StatusCode.InvalidArgument, "judgements[0].case_id"),
        ["record unknown case type"] = (s => Record(s, s.OpenId, With(j => j.CaseType = "custody")), StatusCode.InvalidArgument, "judgements[0].case_type"),
        ["record a case twice with different answers"] = (s => Record(s, s.OpenId, Valid("twice"), Requests.Judgement("twice", 1, seed: 5)), StatusCode.InvalidArgument, "judgements[1].case_id"),
        ["record too many judgements"] = (s => Record(s, s.OpenId, [.. Enumerable.Range(0, 1001).Select(i => Valid($"bulk-{i}"))]), StatusCode.InvalidArgument, "judgements"),
        ["record an empty batch"] = (s => Record(s, s.OpenId), StatusCode.InvalidArgument, "judgements"),
        ["record a key question answered twice"] = (s => Record(s, s.OpenId, With(j => j.Answers.Add(new KeyQuestionAnswer { KeyQuestionId = j.Answers[0].KeyQuestionId, Answer = Answer.Yes }))), StatusCode.InvalidArgument, "judgements[0].answers[12].key_question_id"),
        ["record a trait named case_type"] = (s => Record(s, s.OpenId, With(j => j.Traits[0].Name = "case_type")), StatusCode.InvalidArgument, "judgements[0].traits[0].name"),
        ["record an oversized trait value"] = (s => Record(s, s.OpenId, With(j => j.Traits[0].Value = new string('v', 3000))), StatusCode.InvalidArgument, "judgements[0].traits[0].value"),
        ["record to a closed inspection"] = (s => Record(s, s.ClosedId, Valid()), StatusCode.FailedPrecondition, null),
        ["withdraw at revision 0"] = (s => s.Host.Inspections.WithdrawCaseAsync(new WithdrawCaseRequest { InspectionId = s.OpenId, CaseId = "c1", Revision = 0, Actor = "lead" }).ResponseAsync, StatusCode.InvalidArgument, "revision"),
        ["withdraw without case id"] = (s => s.Host.Inspections.WithdrawCaseAsync(new WithdrawCaseRequest { InspectionId = s.OpenId, Revision = 9, Actor = "lead" }).ResponseAsync, StatusCode.InvalidArgument, "case_id"),
        ["withdraw from a closed inspection"] = (s => s.Host.Inspections.WithdrawCaseAsync(new WithdrawCaseRequest { InspectionId = s.ClosedId, CaseId = "c1", Revision = 9, Actor = "lead" }).ResponseAsync, StatusCode.FailedPrecondition, null),
        ["judged rating on a case-rated standard"] = (s => s.Host.Inspections.SetJudgedRatingAsync(Judged(s.OpenId, "P2.1", Rating.Good, "Because.")).ResponseAsync, StatusCode.InvalidArgument, "standard_id"),
        ["judged rating on an unknown standard"] = (s => s.Host.Inspections.SetJudgedRatingAsync(Judged(s.OpenId, "P7.7", Rating.Good, "Because.")).ResponseAsync, StatusCode.InvalidArgument, "standard_id"),
        ["judged rating unspecified"] = (s => s.Host.Inspections.SetJudgedRatingAsync(Judged(s.OpenId, "P1.1", Rating.Unspecified, "Because.")).ResponseAsync, StatusCode.InvalidArgument, "rating"),
        ["judged rating without rationale"] = (s => s.Host.Inspections.SetJudgedRatingAsync(Judged(s.OpenId, "P1.1", Rating.Good, "")).ResponseAsync, StatusCode.InvalidArgument, "rationale"),
        ["clear a case-rated standard"] = (s => s.Host.Inspections.ClearJudgedRatingAsync(new ClearJudgedRatingRequest { InspectionId = s.OpenId, StandardId = "P2.2", Actor = "lead" }).ResponseAsync, StatusCode.InvalidArgument, "standard_id"),
        ["history of an unknown case"] = (s => s.Host.Inspections.GetCaseHistoryAsync(new GetCaseHistoryRequest { InspectionId = s.OpenId, CaseId = "nobody" }).ResponseAsync, StatusCode.NotFound, null),
        ["close an unknown inspection"] = (s => s.Host.Inspections.CloseInspectionAsync(new InspectionActionRequest { InspectionId = "nobody", Actor = "lead" }).ResponseAsync, StatusCode.NotFound, null),
        ["rulebook that does not exist"] = (s => s.Host.Rulebooks.GetRulebookAsync(new GetRulebookRequest { Rulebook = new RulebookRef { Id = "nonesuch" } }).ResponseAsync, StatusCode.NotFound, null),
        ["rulebook without id"] = (s => s.Host.Rulebooks.GetRulebookAsync(new GetRulebookRequest()).ResponseAsync, StatusCode.InvalidArgument, "rulebook.id"),
        ["watch from a negative version"] = (s => Watch(s, new WatchInspectionRequest { InspectionId = s.OpenId, AfterVersion = -1 }), StatusCode.InvalidArgument, "after_version"),
        ["watch an unknown inspection"] = (s => Watch(s, new WatchInspectionRequest { InspectionId = "nobody" }), StatusCode.NotFound, null),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_bad_request_gets_its_status_and_field_and_changes_nothing(string name)
    {
        var (call, code, field) = Catalogue[name];
        var before = await Snapshot();

        var refused = await Assert.ThrowsAsync<RpcException>(() => call(state));

        Assert.Equal(code, refused.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(refused.Status.Detail));
        if (field is not null)
        {
            var badRequest = refused.GetRpcStatus()?.GetDetail<BadRequest>();
            Assert.NotNull(badRequest);
            Assert.Contains(badRequest.FieldViolations, v => v.Field == field && !string.IsNullOrWhiteSpace(v.Description));
        }

        Assert.Equal(before, await Snapshot());
        // Refused opens created nothing either.
        var fresh = await Assert.ThrowsAsync<RpcException>(() => state.Host.Inspections.GetInspectionAsync(
            new GetInspectionRequest { InspectionId = "fresh" }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, fresh.StatusCode);
    }

    [Fact]
    public async Task More_cases_than_an_inspection_may_hold_is_resource_exhausted_and_changes_nothing()
    {
        var id = Requests.NewId("full");
        var client = state.Host.Inspections;
        await client.OpenInspectionAsync(Requests.Open(id), cancellationToken: TestContext.Current.CancellationToken);
        for (var b = 0; b < 6; b++) // the fixture's limit is 6,000 cases
        {
            await client.RecordJudgementsAsync(Requests.Record(id, [.. Enumerable.Range(b * 1000, 1000).Select(c => Requests.Judgement($"c{c}", 1))]),
                cancellationToken: TestContext.Current.CancellationToken);
        }

        var before = await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: TestContext.Current.CancellationToken);

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("one-too-many", 1)),
            cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("MaxCasesPerInspection", refused.Status.Detail, StringComparison.Ordinal);
        var after = await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(6000, after.Results.Cases);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_resource_exhausted()
    {
        var huge = Requests.Judgement("x", 1);
        huge.CaseId = new string('x', 5 * 1024 * 1024);

        var refused = await Assert.ThrowsAsync<RpcException>(() => state.Host.Inspections.RecordJudgementsAsync(Requests.Record(state.OpenId, huge),
            cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
    }

    [Fact]
    public void The_catalogue_holds_at_least_thirty_bad_requests() => Assert.True(Catalogue.Count >= 30, $"{Catalogue.Count} cases");

    private async Task<string> Snapshot()
    {
        var open = await state.Host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = state.OpenId });
        var closed = await state.Host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = state.ClosedId });
        var registry = Registry(state);
        var regions = (await registry.ListRegionsAsync(new ListRegionsRequest())).Regions;
        var pdus = (await registry.ListPdusAsync(new ListPdusRequest())).Pdus;
        var changes = (await registry.ListRegistryChangesAsync(new ListRegistryChangesRequest())).Changes.Count;
        return $"{open.Version}|{open.Results}|{open.Status}|{closed.Version}|{closed.Results}|{closed.Status}|{regions}|{pdus}|{changes}";
    }

    private static OpenInspectionRequest Open(BadRequestState state, Action<OpenInspectionRequest> change)
    {
        _ = state;
        var request = Requests.Open("fresh");
        change(request);
        return request;
    }

    private static OpenInspectionRequest OtherName(string id)
    {
        var request = Requests.Open(id);
        request.PduName = "Another name";
        return request;
    }

    private static Task<JudgementsAck> Record(BadRequestState state, string id, params Judgement[] judgements) =>
        state.Host.Inspections.RecordJudgementsAsync(Requests.Record(id, judgements)).ResponseAsync;

    private static async Task Watch(BadRequestState state, WatchInspectionRequest request)
    {
        using var call = state.Host.Inspections.WatchInspection(request);
        await call.ResponseStream.MoveNext(CancellationToken.None);
    }

    public static TheoryData<string> EveryRpc => [.. RawCalls.EveryRpc.Select(r => r.Name)];

    // A length-delimited field whose length runs past the end: no message of any type parses from it.
    private static readonly byte[] NotAMessage = [0x0A, 0x7F, 0x01];

    [Theory]
    [MemberData(nameof(EveryRpc))]
    public async Task Bytes_that_are_not_the_request_message_are_invalid_argument_and_change_nothing(string rpcName)
    {
        var rpc = RawCalls.EveryRpc.Single(r => r.Name == rpcName);
        var before = await state.Host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = state.OpenId }, cancellationToken: TestContext.Current.CancellationToken);

        var status = await RawCalls.CallAsync(state.Host.Channel.CreateCallInvoker(), rpc, [NotAMessage], TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(StatusCode.InvalidArgument, status.StatusCode);
        Assert.Contains("not a", status.Detail, StringComparison.Ordinal);
        var after = await state.Host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = state.OpenId }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(before, after);
    }
}
