using System.CommandLine;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Commands;

/// <summary><c>ratinggrid open ID ...</c>: opens an inspection under the default rulebook.</summary>
internal static class OpenCommand
{
    public static Command Create(ServerOptions target, TextWriter output, TextWriter error)
    {
        var id = new Argument<string>("inspection") { Description = "The new inspection's id" };
        var pdu = new Option<string>("--pdu") { Description = "A registered PDU's id (see `ratinggrid registry list`)", Required = true };
        var pduName = new Option<string>("--name") { Description = "The PDU's name as the inspection should show it (default: its registered name)" };
        var region = new Option<string>("--region") { Description = "The PDU's region (default: taken from the registry; anything else is refused)" };
        var start = new Option<DateOnly>("--start") { Description = "Fieldwork start (yyyy-mm-dd)", Required = true };
        var end = new Option<DateOnly>("--end") { Description = "Fieldwork end (yyyy-mm-dd)", Required = true };
        var command = new Command("open", "Open an inspection under the default rulebook") { id, pdu, pduName, region, start, end };
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, async channel =>
        {
            var inspection = await new InspectionService.InspectionServiceClient(channel).OpenInspectionAsync(new OpenInspectionRequest
            {
                InspectionId = parse.GetValue(id), PduId = parse.GetValue(pdu), PduName = parse.GetValue(pduName) ?? "", Region = parse.GetValue(region) ?? "",
                FieldworkStart = Date(parse.GetValue(start)), FieldworkEnd = Date(parse.GetValue(end)), Actor = Environment.UserName,
            }, cancellationToken: ct);
            await output.WriteLineAsync($"Opened {inspection.InspectionId} under {inspection.Rulebook.Id} v{inspection.Rulebook.Version}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
