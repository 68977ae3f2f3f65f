using System.CommandLine;
using Grpc.Core;
using RatingGrid.Cli.Output;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Commands;

/// <summary><c>ratinggrid watch ID</c>: the ratings table, printed again on every change.</summary>
internal static class WatchCommand
{
    public static Command Create(ServerOptions target, TextWriter output, TextWriter error)
    {
        var inspection = new Argument<string>("inspection") { Description = "The inspection id" };
        var updates = new Option<int>("--updates") { Description = "Stop after this many states (default: until Ctrl+C)" };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON instead of a table" };
        var command = new Command("watch", "Show an inspection's ratings and print them again each time they change") { inspection, updates, json };
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, async channel =>
        {
            using var call = new InspectionService.InspectionServiceClient(channel).WatchInspection(new WatchInspectionRequest { InspectionId = parse.GetValue(inspection) }, cancellationToken: ct);
            var limit = parse.GetValue(updates);
            var seen = 0;
            await foreach (var state in call.ResponseStream.ReadAllAsync(ct))
            {
                Printer.Print(output, parse.GetValue(json), state, console => Tables.Inspection(console, state));
                if (++seen == limit)
                {
                    break;
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
