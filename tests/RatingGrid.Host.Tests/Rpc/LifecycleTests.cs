using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>Fieldwork, closed, embargoed, published, corrected: each step audited, the embargo's end on its own (a real host on Azurite).</summary>
[Collection(nameof(SharedHost))]
public sealed class LifecycleTests(HostFixture host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private InspectionService.InspectionServiceClient Client => host.Inspections;

    [Fact]
    public async Task An_embargoed_inspection_publishes_itself_at_its_time_and_every_step_is_audited()
    {
        var id = await OpenClosedAsync();
        var publishAt = DateTimeOffset.UtcNow.AddSeconds(3);

        var embargoed = await Client.EmbargoInspectionAsync(new EmbargoInspectionRequest { InspectionId = id, PublishAt = Timestamp.FromDateTimeOffset(publishAt) }, cancellationToken: Cancel);
        Assert.Equal(InspectionStatus.Embargoed, embargoed.Status);
        Assert.Equal(publishAt.ToUnixTimeMilliseconds(), embargoed.PublishAt.ToDateTimeOffset().ToUnixTimeMilliseconds());

        var published = await WatchUntilAsync(host.Channel, id, InspectionStatus.Published, TimeSpan.FromSeconds(30));
        Assert.True(DateTimeOffset.UtcNow >= publishAt);
        Assert.Equal([InspectionStatus.Closed, InspectionStatus.Embargoed, InspectionStatus.Published], published.Lifecycle.Select(s => s.Status));
        Assert.Equal("tester", published.Lifecycle[1].Actor);
        Assert.Equal("ratinggrid (embargo ended)", published.Lifecycle[2].Actor);
        Assert.True(published.Lifecycle[2].At.ToDateTimeOffset() >= publishAt.AddMilliseconds(-1));
        Assert.Null(published.PublishAt);
    }

    [Fact]
    public async Task A_published_inspection_changes_only_after_a_correction_with_a_reason_kept_in_its_lifecycle()
    {
        var id = await OpenClosedAsync();
        await Client.PublishInspectionAsync(new InspectionActionRequest { InspectionId = id }, cancellationToken: Cancel);
        var before = await GetAsync(id);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("late", 1)), cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("published", refused.Status.Detail, StringComparison.Ordinal);
        var reopen = await Assert.ThrowsAsync<RpcException>(() => Client.ReopenInspectionAsync(new InspectionActionRequest { InspectionId = id }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, reopen.StatusCode);
        var noReason = await Assert.ThrowsAsync<RpcException>(() => Client.CorrectInspectionAsync(new CorrectInspectionRequest { InspectionId = id, Reason = "  " }, cancellationToken: Cancel).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Equal(before, await GetAsync(id));

        var corrected = await Client.CorrectInspectionAsync(new CorrectInspectionRequest { InspectionId = id, Reason = "Case 7 was counted twice." }, cancellationToken: Cancel);
        await Client.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("late", 1)), cancellationToken: Cancel);

        Assert.Equal(InspectionStatus.Open, corrected.Status);
        var correction = corrected.Lifecycle[^1];
        Assert.Equal((InspectionStatus.Open, "Case 7 was counted twice.", "tester"), (correction.Status, correction.Reason, correction.Actor));
        Assert.Equal([InspectionStatus.Closed, InspectionStatus.Published, InspectionStatus.Open], (await GetAsync(id)).Lifecycle.Select(s => s.Status));
    }

    public static TheoryData<string> IllegalMoves => ["embargo an open inspection", "publish an open inspection", "correct a closed inspection", "close a published inspection", "embargo a published inspection"];

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public async Task Illegal_moves_are_failed_precondition_naming_what_to_do_and_change_nothing(string move)
    {
        var id = Requests.NewId("lifecycle");
        await Client.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        if (move.EndsWith("closed inspection", StringComparison.Ordinal) || move.EndsWith("published inspection", StringComparison.Ordinal))
        {
            await Client.CloseInspectionAsync(new InspectionActionRequest { InspectionId = id }, cancellationToken: Cancel);
        }

        if (move.EndsWith("published inspection", StringComparison.Ordinal))
        {
            await Client.PublishInspectionAsync(new InspectionActionRequest { InspectionId = id }, cancellationToken: Cancel);
        }

        var before = await GetAsync(id);
        var later = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1));
        var refused = await Assert.ThrowsAsync<RpcException>(() => move switch
        {
            "embargo an open inspection" or "embargo a published inspection" => Client.EmbargoInspectionAsync(new EmbargoInspectionRequest { InspectionId = id, PublishAt = later }, cancellationToken: Cancel).ResponseAsync,
            "publish an open inspection" => Client.PublishInspectionAsync(new InspectionActionRequest { InspectionId = id }, cancellationToken: Cancel).ResponseAsync,
            "correct a closed inspection" => Client.CorrectInspectionAsync(new CorrectInspectionRequest { InspectionId = id, Reason = "Typo." }, cancellationToken: Cancel).ResponseAsync,
            _ => Client.CloseInspectionAsync(new InspectionActionRequest { InspectionId = id }, cancellationToken: Cancel).ResponseAsync,
        });

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Matches("close it first|only a correction|reopen it instead", refused.Status.Detail);
        Assert.Equal(before, await GetAsync(id));
    }

    public static TheoryData<string> BadEmbargoes => ["in the past", "missing", "not a timestamp"];

    [Theory]
    [MemberData(nameof(BadEmbargoes))]
    public async Task An_embargo_without_a_future_time_is_invalid_argument_on_publish_at_and_changes_nothing(string publishAt)
    {
        var id = await OpenClosedAsync();
        var before = await GetAsync(id);
        var request = new EmbargoInspectionRequest
        {
            InspectionId = id,
            PublishAt = publishAt switch
            {
                "in the past" => Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)),
                "not a timestamp" => new Timestamp { Seconds = 1, Nanos = -5 },
                _ => null,
            },
        };

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.EmbargoInspectionAsync(request, cancellationToken: Cancel).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(refused.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations, v => v.Field == "publish_at");
        Assert.Equal(before, await GetAsync(id));
    }

    /// <summary>Follows the inspection until it reaches <paramref name="status"/>.</summary>
    internal static async Task<Inspection> WatchUntilAsync(Grpc.Net.Client.GrpcChannel channel, string id, InspectionStatus status, TimeSpan within)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        deadline.CancelAfter(within);
        using var watch = new InspectionService.InspectionServiceClient(channel).WatchInspection(new WatchInspectionRequest { InspectionId = id }, cancellationToken: deadline.Token);
        await foreach (var inspection in watch.ResponseStream.ReadAllAsync(deadline.Token))
        {
            if (inspection.Status == status)
            {
                return inspection;
            }
        }

        throw new InvalidOperationException($"{id} never became {status}.");
    }

    private async Task<string> OpenClosedAsync()
    {
        var id = Requests.NewId("lifecycle");
        await Client.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        await Client.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c1", 1)), cancellationToken: Cancel);
        await Client.CloseInspectionAsync(new InspectionActionRequest { InspectionId = id }, cancellationToken: Cancel);
        return id;
    }

    private async Task<Inspection> GetAsync(string id) => await Client.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel);
}
