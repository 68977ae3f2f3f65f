using System.CommandLine;
using RatingGrid.Cli.Output;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Commands;

/// <summary><c>ratinggrid national</c>: the national figures.</summary>
internal static class NationalCommand
{
    public static Command Create(ServerOptions target, TextWriter output, TextWriter error)
    {
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON instead of a table" };
        var command = new Command("national", "Show the national figures") { json };
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, async channel =>
        {
            var nation = await new AggregationService.AggregationServiceClient(channel).GetNationAsync(new GetNationRequest { IncludeInspections = true }, cancellationToken: ct);
            Printer.Print(output, parse.GetValue(json), nation, console => Tables.Aggregate(console, nation.Figures));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
