using System.CommandLine;
using System.Reflection;
using Grpc.Net.Client;
using RatingGrid.Cli.Csv;
using RatingGrid.Client.Display;
using RatingGrid.Cli.Output;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Commands;

/// <summary><c>ratinggrid demo</c>: the Redcar example end to end, ending with the published ratings.</summary>
internal static class DemoCommand
{
    public static Command Create(ServerOptions target, TextWriter output, TextWriter error, TimeProvider time)
    {
        var command = new Command("demo", "Open the Redcar example, stream its 44 cases, and print the published ratings (5/21, Requires improvement)");
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, channel => DemoAsync(channel, output, error, time, ct)));
        return command;
    }

    private static async Task<int> DemoAsync(GrpcChannel channel, TextWriter output, TextWriter error, TimeProvider time, CancellationToken ct)
    {
        var inspections = new InspectionService.InspectionServiceClient(channel);
        var id = $"demo-redcar-{time.GetUtcNow():yyyyMMddHHmmss}";
        await inspections.OpenInspectionAsync(new OpenInspectionRequest
        {
            InspectionId = id, PduId = "redcar-cleveland-middlesbrough", PduName = "Redcar, Cleveland and Middlesbrough", Region = "North East",
            FieldworkStart = new DateOnly(2025, 6, 2).ToDate(), FieldworkEnd = new DateOnly(2025, 6, 27).ToDate(), Actor = "demo",
        }, cancellationToken: ct);
        var rulebook = await new RulebookService.RulebookServiceClient(channel).GetRulebookAsync(new GetRulebookRequest { Rulebook = new RulebookRef { Id = "hmip-pdu-2023" } }, cancellationToken: ct);
        await using var csv = Assembly.GetExecutingAssembly().GetManifestResourceStream("RatingGrid.Cli.Demo.redcar-2025.csv")!;
        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, ct);
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

        var inspection = await inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: ct);
        Tables.Inspection(Printer.Console(output), inspection);
        return ExitCodes.Ok;
    }
}
