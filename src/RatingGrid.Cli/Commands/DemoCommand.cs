using System.CommandLine;
using System.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using RatingGrid.Cli.Csv;
using RatingGrid.Cli.Output;
using RatingGrid.Cli.Published;
using RatingGrid.Client.Display;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Commands;

/// <summary>
/// <c>ratinggrid demo</c>: the real national picture from a first run. Records the inspections the
/// inspectorate has published under the 2023 framework (the shared record), then rates Redcar,
/// Cleveland and Middlesbrough from its 44 cases instead of its published entry (so it counts once),
/// publishes it as it was in reality, and prints its ratings table and the nation's figures.
/// </summary>
internal static class DemoCommand
{
    private const string Redcar = "Redcar, Cleveland and Middlesbrough";

    public static Command Create(ServerOptions target, TextWriter output, TextWriter error, TimeProvider time)
    {
        var command = new Command("demo", "Record the published inspections so far, rate Redcar from its 44 cases (5/21, Requires improvement), publish it, and print the national picture");
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, channel => DemoAsync(channel, output, error, time, ct)));
        return command;
    }

    private static async Task<int> DemoAsync(GrpcChannel channel, TextWriter output, TextWriter error, TimeProvider time, CancellationToken ct)
    {
        var published = await PublishedRecords.RecordAsync(channel, await ResourceAsync("published-pdu-inspections-2023.json", ct), pdu => pdu == Redcar, ct);
        foreach (var refusal in published.Refused)
        {
            await error.WriteLineAsync(refusal);
        }

        var inspections = new InspectionService.InspectionServiceClient(channel);
        var id = $"demo-redcar-{time.GetUtcNow():yyyyMMddHHmmss}";
        await inspections.OpenInspectionAsync(new OpenInspectionRequest
        {
            InspectionId = id, PduId = "redcar-cleveland-middlesbrough", PduName = Redcar, Region = "North East",
            FieldworkStart = new DateOnly(2025, 6, 2).ToDate(), FieldworkEnd = new DateOnly(2025, 6, 27).ToDate(), Actor = "demo",
        }, cancellationToken: ct);
        var rulebook = await new RulebookService.RulebookServiceClient(channel).GetRulebookAsync(new GetRulebookRequest { Rulebook = new RulebookRef { Id = "hmip-pdu-2023" } }, cancellationToken: ct);
        using var buffer = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(await ResourceAsync("redcar-2025.csv", ct)));
        var (judgements, problems) = JudgementCsv.Read(buffer.ToArray(), rulebook);
        if (problems.Count > 0)
        {
            await error.WriteLineAsync(string.Join(Environment.NewLine, problems.Select(p => p.Format("redcar-2025.csv"))));
            return ExitCodes.BadInput;
        }

        await JudgementStreaming.StreamAsync(inspections, id, judgements, ct);
        // The inspectors' own judgements, as published in the report (June 2025 fieldwork).
        foreach (var (standard, rating, rationale) in new[]
                 {
                     ("P1.1", Rating.Good, "Leadership: as published."),
                     ("P1.2", Rating.RequiresImprovement, "Staffing: as published."),
                     ("P1.3", Rating.RequiresImprovement, "Services: as published."),
                 })
        {
            await inspections.SetJudgedRatingAsync(new SetJudgedRatingRequest { InspectionId = id, StandardId = standard, Rating = rating, Rationale = rationale, Actor = "demo" }, cancellationToken: ct);
        }

        // Published, as it was: readers who may see only published work see it too.
        await inspections.CloseInspectionAsync(new InspectionActionRequest { InspectionId = id, Actor = "demo" }, cancellationToken: ct);
        var inspection = await inspections.PublishInspectionAsync(new InspectionActionRequest { InspectionId = id, Actor = "demo" }, cancellationToken: ct);
        Tables.Inspection(Printer.Console(output), inspection);
        await output.WriteLineAsync($"Recorded {published.Recorded} published inspection(s) ({published.AlreadyHeld} already held) and published {id}.");
        try
        {
            var overview = await new AggregationService.AggregationServiceClient(channel).GetNationOverviewAsync(new ReportRequest(), cancellationToken: ct);
            Tables.Overview(Printer.Console(output), overview);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
        {
            // The work is done and stored; only the national summary is beyond this token.
            await output.WriteLineAsync($"The national picture is not shown: {e.Status.Detail}");
        }

        return published.Refused.Count == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
    }

    private static async Task<string> ResourceAsync(string name, CancellationToken ct)
    {
        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"RatingGrid.Cli.Demo.{name}")!;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(ct);
    }
}
