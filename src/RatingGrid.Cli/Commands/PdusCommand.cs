using System.CommandLine;
using RatingGrid.Cli.Output;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Commands;

/// <summary><c>ratinggrid pdus</c>: each PDU with its newest inspection (as of a day), in the nation or one region.</summary>
internal static class PdusCommand
{
    public static Command Create(ServerOptions target, TextWriter output, TextWriter error)
    {
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON instead of a table" };
        var region = new Option<string?>("--region") { Description = "Only this region's PDUs (what a token bound to the region may ask)" };
        var report = new ReportOptions();
        var command = new Command("pdus", "List PDUs with the rating of their newest inspection") { json, region };
        report.AddTo(command);
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, async channel =>
        {
            var client = new AggregationService.AggregationServiceClient(channel);
            var request = report.Request(parse, parse.GetValue(region) ?? "", includeInspections: true);
            var figures = request.Region.Length > 0
                ? await client.GetRegionReportAsync(request, cancellationToken: ct)
                : await client.GetNationReportAsync(request, cancellationToken: ct);
            Printer.Print(output, parse.GetValue(json), figures, console => Tables.Pdus(console, figures));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
