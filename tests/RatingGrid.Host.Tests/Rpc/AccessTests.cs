using Grpc.Core;
using Grpc.Net.Client;
using RatingGrid.Contracts.V1;
using RatingGrid.Security;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>
/// Who may call what: tokens are checked before anything is read or changed, scopes and regions
/// bound what a token reaches, and the audit trail names the token's subject.
/// </summary>
[Collection(nameof(SharedHost))]
public sealed class AccessTests(HostFixture host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Every_rpc_without_a_token_is_unauthenticated_and_says_how_to_get_one()
    {
        using var anonymous = TestTokens.Channel(host.Address, token: null);

        foreach (var rpc in RawCalls.EveryRpc)
        {
            var status = await RawCalls.CallAsync(anonymous.CreateCallInvoker(), rpc, [[]], TimeSpan.FromSeconds(10), Cancel);

            Assert.True(status.StatusCode == StatusCode.Unauthenticated, $"{rpc.FullName}: {status}");
            Assert.Contains("bearer token", status.Detail, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> BadTokens => ["expired", "signed with another key", "naming another key", "for another audience", "not a JWT", "without a subject"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_refused_and_changes_nothing(string kind)
    {
        var id = await OpenAsync("North East");
        var before = await SnapshotAsync(id);
        var token = kind switch
        {
            "expired" => TestTokens.Mint(TokenRequest.Everything("alice", Hour), DateTimeOffset.UtcNow.AddHours(-3)),
            "signed with another key" => DevelopmentTokens.Mint(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), TokenRequest.Everything("alice", Hour), DateTimeOffset.UtcNow),
            "naming another key" => DevelopmentTokens.Mint(DevelopmentKey.Read(TestTokens.KeyFile), TokenRequest.Everything("alice", Hour), DateTimeOffset.UtcNow, keyId: "another-key"),
            "for another audience" => TestTokens.Mint(TokenRequest.Everything("alice", Hour) with { Audience = "somebody-else" }),
            "not a JWT" => "not-a-token",
            _ => TestTokens.Mint(TokenRequest.Everything("", Hour)),
        };
        using var channel = TestTokens.Channel(host.Address, token);
        var client = new InspectionService.InspectionServiceClient(channel);

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c1", 1)), cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains(kind switch
        {
            "expired" => "expired",
            "signed with another key" => "signature",
            "naming another key" => "'kid'",
            "for another audience" => "audience",
            "not a JWT" => "well-formed",
            _ => "subject",
        }, refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(id));
    }

    public static TheoryData<string, string[], string[]> WrongGrants => new()
    {
        { "record judgements", [Scopes.Read, Scopes.Admin, Scopes.National], ["*"] },
        { "stream judgements", [Scopes.Read], ["*"] },
        { "withdraw a case", [Scopes.Read, Scopes.Admin], ["*"] },
        { "set a judged rating", [Scopes.Admin], ["*"] },
        { "close the inspection", [Scopes.Write, Scopes.Read], ["*"] },
        { "open an inspection", [Scopes.Write, Scopes.Read], ["*"] },
        { "read the inspection", [Scopes.Write], ["*"] },
        { "read national figures", [Scopes.Read, Scopes.Write, Scopes.Admin], ["*"] },
        { "record judgements", Scopes.All.ToArray(), ["North West"] },
        { "stream judgements", Scopes.All.ToArray(), ["North West", "London"] },
        { "withdraw a case", Scopes.All.ToArray(), ["North West"] },
        { "set a judged rating", Scopes.All.ToArray(), ["North West"] },
        { "close the inspection", Scopes.All.ToArray(), ["North West"] },
        { "open an inspection", Scopes.All.ToArray(), ["North West"] },
        { "read the inspection", Scopes.All.ToArray(), ["North West"] },
        { "read its case history", Scopes.All.ToArray(), ["North West"] },
        { "read its breakdowns", Scopes.All.ToArray(), ["North West"] },
        { "watch the inspection", Scopes.All.ToArray(), ["North West"] },
        { "read the region", Scopes.All.ToArray(), ["North West"] },
        { "watch the region", Scopes.All.ToArray(), [] },
        { "list the region's inspections", Scopes.All.ToArray(), ["North West"] },
        { "list the region's inspections", [Scopes.Write, Scopes.Admin], ["*"] },
        { "embargo the inspection", [Scopes.Read, Scopes.Write, Scopes.National], ["*"] },
        { "embargo the inspection", Scopes.All.ToArray(), ["North West"] },
    };

    [Theory]
    [MemberData(nameof(WrongGrants))]
    public async Task A_token_without_the_scope_or_the_region_is_denied_and_changes_nothing(string action, string[] scopes, string[] regions)
    {
        var id = await OpenAsync("North East");
        var before = await SnapshotAsync(id);
        using var channel = TestTokens.Channel(host.Address, TestTokens.Mint(new TokenRequest("alice", scopes, regions, Hour)));

        var refused = await Assert.ThrowsAsync<RpcException>(() => Attempt(action, id, channel));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains(scopes.Length == Scopes.All.Count ? "covers" : "needs the scope", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(id));
        var unopened = await Assert.ThrowsAsync<RpcException>(() => host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id + "-new" }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unopened.StatusCode);
    }

    [Fact]
    public async Task A_regional_token_works_within_its_region()
    {
        var id = await OpenAsync("North West");
        using var channel = TestTokens.Channel(host.Address, TestTokens.Mint(new TokenRequest("nw-inspector", [Scopes.Read, Scopes.Write, Scopes.Unpublished], ["North West"], Hour)));
        var client = new InspectionService.InspectionServiceClient(channel);

        var ack = await client.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c1", 1)), cancellationToken: Cancel);
        var aggregation = new AggregationService.AggregationServiceClient(channel);
        var region = await aggregation.GetRegionAsync(new GetRegionRequest { Region = "North West" }, cancellationToken: Cancel);
        var listed = await Eventually.Until(
            () => aggregation.ListRegionInspectionsAsync(new ListRegionInspectionsRequest { Region = "North West" }, cancellationToken: Cancel).ResponseAsync,
            l => l.Inspections.Any(i => i.InspectionId == id && i.Version == ack.Version), Cancel);

        Assert.Equal(ChangeOutcome.Applied, Assert.Single(ack.Outcomes));
        Assert.Equal(ack.Version, (await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel)).Version);
        Assert.Equal("North West", region.Scope);
        Assert.All(listed.Inspections, i => Assert.Equal("North West", i.Region));
    }

    [Fact]
    public async Task The_audit_trail_records_the_token_subject_not_the_actor_the_request_claims()
    {
        var id = await OpenAsync("North East");
        using var channel = TestTokens.Channel(host.Address, TestTokens.Mint(new TokenRequest("alice", [Scopes.Write], ["North East"], Hour)));
        var client = new InspectionService.InspectionServiceClient(channel);

        await client.RecordJudgementsAsync(new RecordJudgementsRequest { InspectionId = id, Actor = "mallory", Judgements = { Requests.Judgement("unary", 1) } }, cancellationToken: Cancel);
        using (var stream = client.StreamJudgements(cancellationToken: Cancel))
        {
            await stream.RequestStream.WriteAsync(new JudgementBatch { BatchId = 1, InspectionId = id, Actor = "mallory", Judgements = { Requests.Judgement("streamed", 1) } }, Cancel);
            await stream.RequestStream.CompleteAsync();
            Assert.True(await stream.ResponseStream.MoveNext(Cancel));
        }

        await client.WithdrawCaseAsync(new WithdrawCaseRequest { InspectionId = id, CaseId = "unary", Revision = 2, Actor = "mallory" }, cancellationToken: Cancel);

        var unary = await HistoryAsync(id, "unary");
        var streamed = await HistoryAsync(id, "streamed");
        Assert.Equal(["alice", "alice"], unary.Revisions.Select(r => r.Actor));
        Assert.True(unary.Revisions[1].Withdrawn);
        Assert.Equal("alice", Assert.Single(streamed.Revisions).Actor);
    }

    [Fact]
    public async Task Health_and_reflection_answer_without_a_token()
    {
        using var anonymous = TestTokens.Channel(host.Address, token: null);

        var health = await new global::Grpc.Health.V1.Health.HealthClient(anonymous).CheckAsync(new global::Grpc.Health.V1.HealthCheckRequest(), cancellationToken: Cancel);

        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    private static Task Attempt(string action, string id, GrpcChannel channel)
    {
        var inspections = new InspectionService.InspectionServiceClient(channel);
        var aggregation = new AggregationService.AggregationServiceClient(channel);
        return action switch
        {
            "record judgements" => inspections.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c9", 1)), cancellationToken: Cancel).ResponseAsync,
            "stream judgements" => StreamAsync(inspections, id),
            "withdraw a case" => inspections.WithdrawCaseAsync(new WithdrawCaseRequest { InspectionId = id, CaseId = "c0", Revision = 5 }, cancellationToken: Cancel).ResponseAsync,
            "set a judged rating" => inspections.SetJudgedRatingAsync(new SetJudgedRatingRequest { InspectionId = id, StandardId = "P1.1", Rating = Rating.Good }, cancellationToken: Cancel).ResponseAsync,
            "close the inspection" => inspections.CloseInspectionAsync(new InspectionActionRequest { InspectionId = id }, cancellationToken: Cancel).ResponseAsync,
            "open an inspection" => inspections.OpenInspectionAsync(Requests.Open(id + "-new"), cancellationToken: Cancel).ResponseAsync,
            "read the inspection" => inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel).ResponseAsync,
            "read its case history" => inspections.GetCaseHistoryAsync(new GetCaseHistoryRequest { InspectionId = id, CaseId = "c0" }, cancellationToken: Cancel).ResponseAsync,
            "read its breakdowns" => inspections.GetBreakdownsAsync(new GetBreakdownsRequest { InspectionId = id }, cancellationToken: Cancel).ResponseAsync,
            "watch the inspection" => ReadFirstAsync(inspections.WatchInspection(new WatchInspectionRequest { InspectionId = id }, cancellationToken: Cancel)),
            "read the region" => aggregation.GetRegionAsync(new GetRegionRequest { Region = "North East" }, cancellationToken: Cancel).ResponseAsync,
            "embargo the inspection" => inspections.EmbargoInspectionAsync(new EmbargoInspectionRequest { InspectionId = id, PublishAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)) }, cancellationToken: Cancel).ResponseAsync,
            "list the region's inspections" => aggregation.ListRegionInspectionsAsync(new ListRegionInspectionsRequest { Region = "North East" }, cancellationToken: Cancel).ResponseAsync,
            "watch the region" => ReadFirstAsync(aggregation.WatchRegion(new WatchRegionRequest { Region = "North East" }, cancellationToken: Cancel)),
            "read national figures" => aggregation.GetNationAsync(new GetNationRequest(), cancellationToken: Cancel).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    private static async Task StreamAsync(InspectionService.InspectionServiceClient client, string id)
    {
        using var stream = client.StreamJudgements(cancellationToken: Cancel);
        try
        {
            await stream.RequestStream.WriteAsync(new JudgementBatch { BatchId = 1, InspectionId = id, Judgements = { Requests.Judgement("c9", 1) } }, Cancel);
            await stream.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // Refused before our writes finished; the status is read below.
        }

        await stream.ResponseStream.MoveNext(Cancel);
    }

    private static async Task ReadFirstAsync<T>(AsyncServerStreamingCall<T> call)
    {
        using (call)
        {
            await call.ResponseStream.MoveNext(Cancel);
        }
    }

    private async Task<string> OpenAsync(string region)
    {
        var id = Requests.NewId("access");
        var open = Requests.Open(id);
        (open.Region, open.PduId) = (region, Registrations.PduIn(region));
        await host.Channel.RegisterAsync(region, open.PduId);
        await host.Inspections.OpenInspectionAsync(open, cancellationToken: Cancel);
        await host.Inspections.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c0", 1)), cancellationToken: Cancel);
        return id;
    }

    private async Task<string> SnapshotAsync(string id)
    {
        var inspection = await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel);
        var history = await HistoryAsync(id, "c0");
        return $"{inspection.Status} v{inspection.Version} {inspection.Results} {history}";
    }

    private Task<CaseHistory> HistoryAsync(string id, string caseId) =>
        host.Inspections.GetCaseHistoryAsync(new GetCaseHistoryRequest { InspectionId = id, CaseId = caseId }, cancellationToken: Cancel).ResponseAsync;
}
