using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using RatingGrid.Cli.Output;
using RatingGrid.Contracts.V1;

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
        var command = new Command("export", "Export every inspection's summary, or one inspection's data annexe, for reporting") { scope, format, inspection };
        command.Validators.Add(result =>
        {
            if (result.GetValue(scope) == "annexe" && string.IsNullOrEmpty(result.GetValue(inspection)))
            {
                result.AddError("export annexe needs --inspection ID.");
            }
        });
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, channel => parse.GetValue(scope) == "annexe"
            ? AnnexeExport.WriteAsync(new InspectionService.InspectionServiceClient(channel), parse.GetValue(inspection)!, parse.GetValue(format)!, output, ct)
            : NationalAsync(new AggregationService.AggregationServiceClient(channel), parse.GetValue(format)!, output, ct)));
        return command;
    }

    private static async Task<int> NationalAsync(AggregationService.AggregationServiceClient client, string format, TextWriter output, CancellationToken ct)
    {
        using var call = client.StreamInspectionSummaries(new GetNationRequest(), cancellationToken: ct);
        var wroteHeader = false;
        await foreach (var summary in call.ResponseStream.ReadAllAsync(ct))
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

        return ExitCodes.Ok;
    }
}
