using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>
/// A client that sends garbage: random bytes and mutations of valid messages to every rpc. The host
/// must answer each with a status, change nothing unless the bytes happened to form a valid request,
/// stay healthy, and keep serving a well-behaved client throughout. RATINGGRID_SEED replays a run.
/// </summary>
[Collection(nameof(SharedHost))]
public sealed class FuzzTests(HostFixture host)
{
    private const int CallsPerRpc = 60;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Statuses a malformed request may end with (bytes that are no message at all: INVALID_ARGUMENT).
    private static readonly HashSet<StatusCode> Answers =
    [
        StatusCode.OK, StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition,
        StatusCode.ResourceExhausted, StatusCode.OutOfRange, StatusCode.DeadlineExceeded,
    ];

    [Fact]
    public async Task Random_and_mutated_messages_to_every_rpc_change_nothing_and_legitimate_calls_keep_succeeding()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("RATINGGRID_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        var random = new Random(seed);
        var id = Requests.NewId("fuzz");
        await host.Inspections.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        await host.Inspections.RecordJudgementsAsync(Requests.Record(id, Requests.Judgement("c0", 1), Requests.Judgement("c1", 1)), cancellationToken: Cancel);
        var baseline = await FingerprintAsync(id);
        using var fuzzing = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var legitimate = KeepCallingAsync(id, fuzzing.Token);
        var seen = new Dictionary<StatusCode, int>();
        using var fuzzer = TestTokens.Channel(host.Address, TestTokens.Everything("fuzzer"));

        foreach (var rpc in RawCalls.EveryRpc)
        {
            var valid = ValidRequest(rpc, id).ToByteArray();
            for (var i = 0; i < CallsPerRpc; i++)
            {
                var payload = i % 3 == 0 ? RandomBytes(random) : Mutate(valid, random);
                var deadline = rpc.IsServerStreaming && !rpc.IsClientStreaming && rpc.Name.StartsWith("Watch", StringComparison.Ordinal) ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(10);
                var status = await RawCalls.CallAsync(fuzzer.CreateCallInvoker(), rpc, [payload], deadline, Cancel);
                seen[status.StatusCode] = seen.GetValueOrDefault(status.StatusCode) + 1;

                // A watch ends at its 300 ms deadline; on a busy machine grpc-dotnet's own deadline
                // timer can reset the stream (CANCEL) before the client's timer reports DEADLINE_EXCEEDED.
                var deadlineReset = status.StatusCode == StatusCode.Cancelled && deadline < TimeSpan.FromSeconds(1);
                Assert.True(Answers.Contains(status.StatusCode) || deadlineReset, $"seed {seed}: {rpc.Name} with {Convert.ToHexString(payload)} ended {status}");
                if (status.StatusCode is StatusCode.OK or StatusCode.DeadlineExceeded || deadlineReset)
                {
                    // The mutation was a valid request (or a watch that ran until its deadline): it may change things.
                    baseline = await FingerprintAsync(id);
                }
                else
                {
                    Assert.True(baseline == await FingerprintAsync(id), $"seed {seed}: refused {rpc.Name} with {Convert.ToHexString(payload)} ({status}) changed the inspection");
                }
            }
        }

        await fuzzing.CancelAsync();
        var (succeeded, failures) = await legitimate;
        var health = await new global::Grpc.Health.V1.Health.HealthClient(host.Channel).CheckAsync(new global::Grpc.Health.V1.HealthCheckRequest(), cancellationToken: Cancel);
        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.True(failures.Count == 0, $"seed {seed}: legitimate calls failed: {string.Join("; ", failures)}");
        Assert.True(succeeded > 0, $"seed {seed}: no legitimate call completed");
        TestContext.Current.SendDiagnosticMessage($"seed {seed}: {RawCalls.EveryRpc.Count * CallsPerRpc} fuzz calls, statuses {string.Join(", ", seen.Select(s => $"{s.Key} {s.Value}"))}; {succeeded} legitimate calls succeeded meanwhile");
    }

    // A well-behaved client with its own token, calling throughout the fuzzing.
    private async Task<(int Succeeded, List<string> Failures)> KeepCallingAsync(string fuzzedId, CancellationToken stop)
    {
        await Task.Yield();
        using var channel = TestTokens.Channel(host.Address, TestTokens.Everything("bystander"));
        var client = new InspectionService.InspectionServiceClient(channel);
        var own = Requests.NewId("bystander");
        await client.OpenInspectionAsync(Requests.Open(own), cancellationToken: Cancel);
        var (succeeded, failures, revision) = (0, new List<string>(), 0L);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                revision++;
                var ack = await client.RecordJudgementsAsync(Requests.Record(own, Requests.Judgement("b1", revision)), cancellationToken: Cancel);
                await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = fuzzedId }, cancellationToken: Cancel);
                succeeded += ack.Outcomes.Single() == ChangeOutcome.Applied ? 2 : 0;
            }
            catch (RpcException ex)
            {
                failures.Add(ex.Status.ToString());
            }
        }

        return (succeeded, failures);
    }

    private async Task<string> FingerprintAsync(string id)
    {
        var inspection = await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel);
        var rulebooks = await host.Rulebooks.ListRulebooksAsync(new ListRulebooksRequest(), cancellationToken: Cancel);
        return $"{inspection} {rulebooks.Rulebooks.Count}";
    }

    private static IMessage ValidRequest(MethodDescriptor rpc, string id) => rpc.Name switch
    {
        "OpenInspection" => Requests.Open(id),
        "GetInspection" => new GetInspectionRequest { InspectionId = id },
        "RecordPublishedInspection" => new RecordPublishedInspectionRequest { InspectionId = $"{id}-report", PduId = "sunderland", Report = PublishedRecords.Report() },
        "EmbargoInspection" => new EmbargoInspectionRequest { InspectionId = id, PublishAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)) },
        "CorrectInspection" => new CorrectInspectionRequest { InspectionId = id, Reason = "fuzz" },
        "CloseInspection" or "ReopenInspection" or "PublishInspection" => new InspectionActionRequest { InspectionId = id, Actor = "fuzz" },
        "RecordJudgements" => Requests.Record(id, Requests.Judgement("c0", 1), Requests.Judgement("c2", 1)),
        "StreamJudgements" => new JudgementBatch { BatchId = 7, InspectionId = id, Judgements = { Requests.Judgement("c1", 1) } },
        "WithdrawCase" => new WithdrawCaseRequest { InspectionId = id, CaseId = "c0", Revision = 1 },
        "SetJudgedRating" => new SetJudgedRatingRequest { InspectionId = id, StandardId = "P1.1", Rating = Rating.Good, Rationale = "Fine." },
        "ClearJudgedRating" => new ClearJudgedRatingRequest { InspectionId = id, StandardId = "P1.1" },
        "GetBreakdowns" => new GetBreakdownsRequest { InspectionId = id },
        "GetCaseHistory" => new GetCaseHistoryRequest { InspectionId = id, CaseId = "c0" },
        "WatchInspection" => new WatchInspectionRequest { InspectionId = id },
        "GetRegion" => new GetRegionRequest { Region = "North East" },
        "ListRegions" => new ListRegionsRequest(),
        "ListPdus" => new ListPdusRequest { Region = "North East" },
        "ListRegistryChanges" => new ListRegistryChangesRequest(),
        "AddRegion" => new AddRegionRequest { Region = "Fuzz region" },
        "AddPdu" => new AddPduRequest { PduId = "fuzz-pdu", Name = "Fuzz PDU", Region = "Fuzz region" },
        "RenamePdu" => new RenamePduRequest { PduId = "fuzz-pdu", Name = "Fuzz PDU" },
        "GetRegionReport" or "GetNationReport" => new ReportRequest { Region = "North East", IncludeInspections = true },
        "ListRegionInspections" => new ListRegionInspectionsRequest { Region = "North East" },
        "GetPduHistory" => new GetPduHistoryRequest { PduId = "redcar" },
        "WatchRegion" => new WatchRegionRequest { Region = "North East" },
        "GetNation" or "StreamInspectionSummaries" => new GetNationRequest { Region = "North East" },
        "WatchNation" => new WatchNationRequest(),
        "GetRegionPdus" => new GetRegionPdusRequest { Region = "North East" },
        "WatchRegionPdus" => new WatchRegionPdusRequest { Region = "North East" },
        "GetNationOverview" => new ReportRequest(),
        "WatchNationOverview" => new WatchNationOverviewRequest(),
        "ListRulebooks" => new ListRulebooksRequest(),
        "GetRulebook" => new GetRulebookRequest { Rulebook = new RulebookRef { Id = "hmip-pdu-2023" } },
        _ => throw new InvalidOperationException($"No valid request for {rpc.FullName}: add one when adding an rpc."),
    };

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 300)];
        random.NextBytes(bytes);
        return bytes;
    }

    // Flip, drop, insert, truncate, duplicate, or stretch a length prefix: what broken clients and
    // hostile ones send.
    private static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = valid.ToList();
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1 when bytes.Count > 0: bytes.RemoveAt(at); break;
                case 2: bytes.Insert(at, (byte)random.Next(256)); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                case 4 when bytes.Count > 0: bytes.InsertRange(at, bytes.Skip(at).Take(random.Next(1, 40)).ToList()); break;
                case 5 when bytes.Count > 0: bytes[at] = 0xFF; break;
                default: bytes.Add((byte)random.Next(256)); break;
            }
        }

        return [.. bytes];
    }
}
