using System.CommandLine;
using RatingGrid.Cli.Output;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Commands;

/// <summary><c>ratinggrid region NAME</c>: a region's report: the current picture (as of a day) or a period.</summary>
internal static class RegionCommand
{
    public static Command Create(ServerOptions target, TextWriter output, TextWriter error)
    {
        var region = new Argument<string>("region") { Description = "The region's name" };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON instead of a table" };
        var report = new ReportOptions();
        var command = new Command("region", "Show a region's figures: its current picture (each PDU by its newest inspection), or a period") { region, json };
        report.AddTo(command);
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, async channel =>
        {
            var figures = await new AggregationService.AggregationServiceClient(channel)
                .GetRegionReportAsync(report.Request(parse, parse.GetValue(region)!, includeInspections: true), cancellationToken: ct);
            Printer.Print(output, parse.GetValue(json), figures, console => Tables.Report(console, figures));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
