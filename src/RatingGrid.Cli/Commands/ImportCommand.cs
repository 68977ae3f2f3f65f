using System.CommandLine;
using Grpc.Net.Client;
using RatingGrid.Cli.Csv;
using RatingGrid.Contracts.V1;
using Spectre.Console;

namespace RatingGrid.Cli.Commands;

/// <summary><c>ratinggrid import FILE --inspection ID</c>: checks a CSV of judgements whole, then streams it.</summary>
internal static class ImportCommand
{
    public static Command Create(ServerOptions target, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "A CSV of judgements (see the README for its columns)" };
        var into = new Option<string>("--inspection") { Description = "The inspection to import into", Required = true };
        var command = new Command("import", "Validate a CSV of judgements whole, then stream it; re-running it is harmless") { file, into, ImportPublishedCommand.Create(target, output, error) };
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, channel =>
            ImportAsync(channel, parse.GetValue(file)!, parse.GetValue(into)!, output, error, ct)));
        return command;
    }

    private static async Task<int> ImportAsync(GrpcChannel channel, FileInfo file, string inspectionId, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"{file.FullName}: no such file");
            return ExitCodes.BadInput;
        }

        var inspections = new InspectionService.InspectionServiceClient(channel);
        var inspection = await inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId }, cancellationToken: ct);
        var rulebook = await new RulebookService.RulebookServiceClient(channel).GetRulebookAsync(new GetRulebookRequest { Rulebook = inspection.Rulebook }, cancellationToken: ct);
        var (judgements, problems) = JudgementCsv.Read(await File.ReadAllBytesAsync(file.FullName, ct), rulebook);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(problem.Format(file.Name));
            }

            await error.WriteLineAsync($"{problems.Count} problem(s) in {file.Name}; nothing was sent.");
            return ExitCodes.BadInput;
        }

        List<ChangeOutcome> acknowledged;
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            // A person at a terminal sees progress; scripts and redirected output get the summary line only.
            acknowledged = await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"Importing {file.Name}", maxValue: judgements.Count);
                return await JudgementStreaming.StreamAsync(inspections, inspectionId, judgements, ct, acknowledged: n => task.Increment(n));
            });
        }
        else
        {
            acknowledged = await JudgementStreaming.StreamAsync(inspections, inspectionId, judgements, ct);
        }

        await output.WriteLineAsync($"Imported {judgements.Count} case(s) into {inspectionId}: {acknowledged.Count(o => o == ChangeOutcome.Applied)} applied, {acknowledged.Count(o => o == ChangeOutcome.Duplicate)} already held, {acknowledged.Count(o => o is ChangeOutcome.Stale or ChangeOutcome.Conflict)} refused as stale or conflicting.");
        return ExitCodes.Ok;
    }
}
