using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using RatingGrid.Cli.Output;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Commands;

/// <summary><c>ratinggrid export national</c>: every inspection's summary as the service streams it, for reporting jobs.</summary>
internal static class ExportCommand
{
    private static readonly string[] Columns = ["inspection_id", "pdu_name", "region", "rulebook", "version", "cases", "score", "overall"];

    public static Command Create(ServerOptions target, TextWriter output, TextWriter error)
    {
        var scope = new Argument<string>("scope") { Description = "What to export: national" };
        scope.AcceptOnlyFromAmong("national");
        var format = new Option<string>("--format") { Description = "csv (one row per inspection) or json (one object per line)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var command = new Command("export", "Export every inspection's summary, for reporting jobs") { scope, format };
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, channel =>
            NationalAsync(new AggregationService.AggregationServiceClient(channel), parse.GetValue(format)!, output, ct)));
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
                .Select(Quote)));
        }

        return ExitCodes.Ok;
    }

    // RFC 4180: quote a field holding a comma, a quote or a line break, doubling its quotes.
    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
