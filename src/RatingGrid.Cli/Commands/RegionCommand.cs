using System.CommandLine;
using RatingGrid.Cli.Output;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Commands;

/// <summary><c>ratinggrid region NAME</c>: a region's pooled figures.</summary>
internal static class RegionCommand
{
    public static Command Create(ServerOptions target, TextWriter output, TextWriter error)
    {
        var region = new Argument<string>("region") { Description = "The region's name" };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON instead of a table" };
        var command = new Command("region", "Show a region's pooled figures") { region, json };
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, async channel =>
        {
            var figures = await new AggregationService.AggregationServiceClient(channel).GetRegionAsync(new GetRegionRequest { Region = parse.GetValue(region) }, cancellationToken: ct);
            Printer.Print(output, parse.GetValue(json), figures, console => Tables.Aggregate(console, figures));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
