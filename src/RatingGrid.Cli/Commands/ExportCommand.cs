using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using RatingGrid.Cli.Output;
using RatingGrid.Contracts.V1;
using RatingGrid.Client.Display;

namespace RatingGrid.Cli.Commands;

/// <summary><c>ratinggrid export national | annexe</c>: every inspection's summary as the service streams it, or one inspection's data annexe.</summary>
internal static class ExportCommand
{
    private static readonly string[] Columns = ["inspection_id", "pdu_name", "region", "rulebook", "version", "cases", "score", "overall"];

    public static Command Create(ServerOptions target, TextWriter output, TextWriter error)
    {
        var scope = new Argument<string>("scope") { Description = "What to export: national (every inspection's summary) or annexe (one inspection's data annexe)" };
        scope.AcceptOnlyFromAmong("national", "annexe");
        var format = new Option<string>("--format") { Description = "csv (one row per inspection or figure) or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var inspection = new Option<string>("--inspection") { Description = "For annexe: the inspection's id" };
        var report = new ReportOptions();
        var command = new Command("export", "Export every inspection's summary (or, with --as-of or --from/--to, a report's), or one inspection's data annexe, for reporting") { scope, format, inspection };
        report.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(scope) == "annexe" && string.IsNullOrEmpty(result.GetValue(inspection)))
            {
                result.AddError("export annexe needs --inspection ID.");
            }
        });
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, channel => parse.GetValue(scope) == "annexe"
            ? AnnexeExport.WriteAsync(new InspectionService.InspectionServiceClient(channel), parse.GetValue(inspection)!, parse.GetValue(format)!, output, ct)
            : report.Asked(parse)
                ? ReportAsync(new AggregationService.AggregationServiceClient(channel), report.Request(parse, "", includeInspections: true), parse.GetValue(format)!, output, ct)
                : NationalAsync(new AggregationService.AggregationServiceClient(channel), parse.GetValue(format)!, output, ct)));
        return command;
    }

    // The national current picture or a period: the whole report as JSON, or its inspections as CSV rows.
    private static async Task<int> ReportAsync(AggregationService.AggregationServiceClient client, ReportRequest request, string format, TextWriter output, CancellationToken ct)
    {
        var report = await client.GetNationReportAsync(request, cancellationToken: ct);
        if (format == "json")
        {
            await output.WriteLineAsync(JsonFormatter.Default.Format(report));
            return ExitCodes.Ok;
        }

        await WriteRowsAsync(report.Inspections.ToAsyncEnumerable(), format, output, ct);
        return ExitCodes.Ok;
    }

    private static async Task<int> NationalAsync(AggregationService.AggregationServiceClient client, string format, TextWriter output, CancellationToken ct)
    {
        using var call = client.StreamInspectionSummaries(new GetNationRequest(), cancellationToken: ct);
        await WriteRowsAsync(call.ResponseStream.ReadAllAsync(ct), format, output, ct);
        return ExitCodes.Ok;
    }

    private static async Task WriteRowsAsync(IAsyncEnumerable<InspectionSummary> summaries, string format, TextWriter output, CancellationToken ct)
    {
        var wroteHeader = false;
        await foreach (var summary in summaries.WithCancellation(ct))
        {
            if (format == "json")
            {
                await output.WriteLineAsync(JsonFormatter.Default.Format(summary));
                continue;
            }

            if (!wroteHeader)
            {
                await output.WriteLineAsync(string.Join(',', Columns.Concat(summary.Standards.Select(s => s.StandardId))));
                wroteHeader = true;
            }

            await output.WriteLineAsync(string.Join(',', new[]
                {
                    summary.InspectionId, summary.PduName, summary.Region, $"{summary.Rulebook.Id} v{summary.Rulebook.Version}",
                    summary.Version.ToString(CultureInfo.InvariantCulture),
                    summary.Cases.ToString(CultureInfo.InvariantCulture),
                    summary.Score.ToString(CultureInfo.InvariantCulture), summary.Overall.Name(),
                }
                .Concat(summary.Standards.Select(s => s.Rating.Name()))
                .Select(CsvFields.Quote)));
        }
    }
}
