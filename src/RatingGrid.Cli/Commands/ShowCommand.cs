using System.CommandLine;
using RatingGrid.Cli.Output;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Commands;

/// <summary><c>ratinggrid show ID</c>: an inspection's ratings as the report prints them.</summary>
internal static class ShowCommand
{
    public static Command Create(ServerOptions target, TextWriter output, TextWriter error)
    {
        var inspection = new Argument<string>("inspection") { Description = "The inspection id" };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON instead of a table" };
        var command = new Command("show", "Show an inspection's ratings as the report prints them") { inspection, json };
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, async channel =>
        {
            var shown = await new InspectionService.InspectionServiceClient(channel)
                .GetInspectionAsync(new GetInspectionRequest { InspectionId = parse.GetValue(inspection) }, cancellationToken: ct);
            Printer.Print(output, parse.GetValue(json), shown, console => Tables.Inspection(console, shown));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
