using System.CommandLine;
using RatingGrid.Cli.Output;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Commands;

/// <summary><c>ratinggrid national</c>: the nation's report: the current picture (as of a day) or a period.</summary>
internal static class NationalCommand
{
    public static Command Create(ServerOptions target, TextWriter output, TextWriter error)
    {
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON instead of a table" };
        var region = new Option<string?>("--region") { Description = "Only this region's inspections" };
        var report = new ReportOptions();
        var command = new Command("national", "Show the national figures: the current picture (each PDU by its newest inspection), or a period") { json, region };
        report.AddTo(command);
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, async channel =>
        {
            var aggregation = new AggregationService.AggregationServiceClient(channel);
            var request = report.Request(parse, parse.GetValue(region) ?? "", includeInspections: true);
            var figures = await aggregation.GetNationReportAsync(request, cancellationToken: ct);
            // Across the nation, each region's totals beside its registered PDUs too.
            var overview = request.Region.Length == 0 && !parse.GetValue(json) ? await aggregation.GetNationOverviewAsync(request, cancellationToken: ct) : null;
            Printer.Print(output, parse.GetValue(json), figures, console =>
            {
                Tables.Report(console, figures);
                if (overview is not null)
                {
                    Tables.Overview(console, overview);
                }
            });
            return ExitCodes.Ok;
        }));
        return command;
    }
}
