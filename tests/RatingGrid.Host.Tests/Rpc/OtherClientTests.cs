using System.Diagnostics;
using System.Text.Json;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

/// <summary>The contract works for a client built on another gRPC implementation: grpc-js, with stubs from protos/.</summary>
[Collection(nameof(SharedHost))]
public sealed class OtherClientTests(HostFixture host)
{
    [Fact]
    public async Task A_grpc_js_client_opens_records_and_reads_ratings()
    {
        var id = Requests.NewId("grpc-js");
        await host.Channel.RegisterAsync("North East", "js-pdu"); // the PDU the script opens an inspection of
        var root = AzuriteProcess.RepositoryRoot();
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(root, "tools", "grpc-js-client", "client.mjs"), $"127.0.0.1:{host.GrpcPort}", id })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["RATINGGRID_TOKEN"] = TestTokens.Everything("grpc-js-user");
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await node.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(node.ExitCode == 0, $"grpc-js client exited {node.ExitCode}: {await errors}");

        using var seen = JsonDocument.Parse(await output);
        var inspection = await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: TestContext.Current.CancellationToken);
        var seenRoot = seen.RootElement;
        Assert.Equal(["CHANGE_OUTCOME_APPLIED", "CHANGE_OUTCOME_APPLIED", "CHANGE_OUTCOME_APPLIED"], seenRoot.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(inspection.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), seenRoot.GetProperty("version").GetString());
        Assert.Equal(3, seenRoot.GetProperty("cases").GetInt32());
        Assert.Equal(inspection.Results.Overall.Score, seenRoot.GetProperty("score").GetInt32());
        Assert.Equal(
            inspection.Results.KeyQuestions.Select(k => $"{k.KeyQuestionId}:{k.Yes}/{k.Applicable}"),
            seenRoot.GetProperty("key_questions").EnumerateArray().Select(k => $"{k[0].GetString()}:{k[1].GetInt32()}/{k[2].GetInt32()}"));
        // js-1 answers all twelve Yes, js-2 the first six, js-3 none: P2.1 and P2.2 are 2 of 3 (67%), P2.3 and P2.4 1 of 3 (33%).
        var history = await host.Inspections.GetCaseHistoryAsync(new GetCaseHistoryRequest { InspectionId = id, CaseId = "js-1" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("grpc-js-user", Assert.Single(history.Revisions).Actor);
        Assert.Equal(67, inspection.Results.KeyQuestions.Single(k => k.KeyQuestionId == "P2.1.E").RoundedPercent);
        Assert.Equal(33, inspection.Results.KeyQuestions.Single(k => k.KeyQuestionId == "P2.4.S").RoundedPercent);
    }
}
