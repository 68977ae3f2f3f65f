using System.CommandLine;
using RatingGrid.Cli.Published;

namespace RatingGrid.Cli.Commands;

/// <summary><c>ratinggrid import published FILE</c>: records every entry of a published-record file; importing it again changes nothing.</summary>
internal static class ImportPublishedCommand
{
    public static Command Create(ServerOptions target, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "A published-record file (as shared/data/published-pdu-inspections-2023.json)" };
        var command = new Command("published", "Record inspections done before RatingGrid from their published reports: each entry once (again: nothing changes); an entry at fault is refused with its index and field") { file };
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, async channel =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await error.WriteLineAsync($"{path.FullName}: no such file");
                return ExitCodes.BadInput;
            }

            var outcome = await PublishedRecords.RecordAsync(channel, await File.ReadAllTextAsync(path.FullName, ct), _ => false, ct);
            foreach (var refusal in outcome.Refused)
            {
                await error.WriteLineAsync($"{path.Name}: {refusal}");
            }

            await output.WriteLineAsync($"Recorded {outcome.Recorded} published inspection(s) from {path.Name}; {outcome.AlreadyHeld} already held; {outcome.Refused.Count} problem(s).");
            return outcome.Refused.Count == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
        }));
        return command;
    }
}
