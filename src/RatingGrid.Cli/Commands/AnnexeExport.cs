using System.Globalization;
using Google.Protobuf;
using RatingGrid.Cli.Output;
using RatingGrid.Contracts.V1;
using RatingGrid.Client.Display;

namespace RatingGrid.Cli.Commands;

/// <summary>
/// An inspection's data annexe, as the published report's annexe tabulates it: each key question's
/// yes, no, n/a, applicable, percentage and 95% interval, each standard's rating and what drove it,
/// and the same per breakdown. CSV (one row per figure, <c>section</c> saying which) or JSON.
/// </summary>
internal static class AnnexeExport
{
    private static readonly string[] Columns =
        ["section", "breakdown", "id", "yes", "no", "not_applicable", "applicable", "percent", "interval_95_low", "interval_95_high", "rating", "driven_by", "provisional"];

    public static async Task<int> WriteAsync(InspectionService.InspectionServiceClient client, string inspectionId, string format, TextWriter output, CancellationToken ct)
    {
        var inspection = await client.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId }, cancellationToken: ct);
        var breakdowns = await client.GetBreakdownsAsync(new GetBreakdownsRequest { InspectionId = inspectionId }, cancellationToken: ct);
        if (format == "json")
        {
            await output.WriteLineAsync($"{{\"inspection\":{JsonFormatter.Default.Format(inspection)},\"breakdowns\":{JsonFormatter.Default.Format(breakdowns)}}}");
            return ExitCodes.Ok;
        }

        await output.WriteLineAsync(string.Join(',', Columns));
        await WriteFiguresAsync(output, "", inspection.Results.KeyQuestions, inspection.Results.Standards);
        foreach (var breakdown in breakdowns.Breakdowns_)
        {
            await WriteFiguresAsync(output, $"{breakdown.Dimension}={breakdown.Value}", breakdown.KeyQuestions, breakdown.Standards);
        }

        return ExitCodes.Ok;
    }

    private static async Task WriteFiguresAsync(TextWriter output, string breakdown, IEnumerable<KeyQuestionFigures> keyQuestions, IEnumerable<StandardRating> standards)
    {
        foreach (var k in keyQuestions)
        {
            await WriteRowAsync(output, "key_question", breakdown, k.KeyQuestionId, Number(k.Yes), Number(k.No), Number(k.NotApplicable), Number(k.Applicable),
                k.HasRoundedPercent ? Number(k.RoundedPercent) : "",
                k.Interval95 is { } i ? Percent(i.LowerPercent) : "", k.Interval95 is { } j ? Percent(j.UpperPercent) : "", "", "", "");
        }

        foreach (var s in standards)
        {
            await WriteRowAsync(output, "standard", breakdown, s.StandardId, "", "", "", "", "", "", "", s.Rating.Name(), s.DrivenBy, s.Provisional ? "yes" : "no");
        }
    }

    private static Task WriteRowAsync(TextWriter output, params string[] fields) => output.WriteLineAsync(string.Join(',', fields.Select(CsvFields.Quote)));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
