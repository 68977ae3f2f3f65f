using System.CommandLine;
using RatingGrid.Cli.Output;
using RatingGrid.Contracts.V1;
using Spectre.Console;

namespace RatingGrid.Cli.Commands;

/// <summary><c>ratinggrid registry ...</c>: the registered regions and PDUs, and the administrator's audited changes to them.</summary>
internal static class RegistryCommand
{
    public static Command Create(ServerOptions target, TextWriter output, TextWriter error)
    {
        var command = new Command("registry", "The registered regions and PDUs (an inspection names a registered PDU)");
        command.Subcommands.Add(List(target, output, error));
        command.Subcommands.Add(Changes(target, output, error));
        command.Subcommands.Add(AddRegion(target, output, error));
        command.Subcommands.Add(AddPdu(target, output, error));
        command.Subcommands.Add(RenamePdu(target, output, error));
        return command;
    }

    private static Command List(ServerOptions target, TextWriter output, TextWriter error)
    {
        var region = new Option<string?>("--region") { Description = "Only this region's PDUs" };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON instead of a table" };
        var command = new Command("list", "List the registered regions and their PDUs") { region, json };
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, async channel =>
        {
            var pdus = await new RegistryService.RegistryServiceClient(channel).ListPdusAsync(new ListPdusRequest { Region = parse.GetValue(region) ?? "" }, cancellationToken: ct);
            Printer.Print(output, parse.GetValue(json), pdus, console =>
            {
                var table = new Table().AddColumns("Region", "PDU", "Name");
                foreach (var pdu in pdus.Pdus)
                {
                    table.AddRow(Markup.Escape(pdu.Region), Markup.Escape(pdu.Id), Markup.Escape(pdu.Name));
                }

                console.Write(table);
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Changes(ServerOptions target, TextWriter output, TextWriter error)
    {
        var command = new Command("changes", "Every change made to the registry since its data file: who, when, what");
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, async channel =>
        {
            var changes = await new RegistryService.RegistryServiceClient(channel).ListRegistryChangesAsync(new ListRegistryChangesRequest(), cancellationToken: ct);
            foreach (var c in changes.Changes)
            {
                await output.WriteLineAsync($"{c.At.ToDateTimeOffset():u} {c.Actor}: {c.Kind switch
                {
                    RegistryChangeKind.RegionAdded => $"added region {c.Region}",
                    RegistryChangeKind.PduAdded => $"added PDU {c.PduId} '{c.Name}' in {c.Region}",
                    _ => $"renamed PDU {c.PduId} to '{c.Name}'",
                }}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command AddRegion(ServerOptions target, TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("region") { Description = "The region's name" };
        var command = new Command("add-region", "Register a region (administrators)") { name };
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, async channel =>
        {
            await new RegistryService.RegistryServiceClient(channel).AddRegionAsync(new AddRegionRequest { Region = parse.GetValue(name) }, cancellationToken: ct);
            await output.WriteLineAsync($"Region '{parse.GetValue(name)}' is registered.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command AddPdu(ServerOptions target, TextWriter output, TextWriter error)
    {
        var id = new Argument<string>("pdu") { Description = "The PDU's id (stable; letters, digits, '.', '_', '-', ':')" };
        var name = new Option<string>("--name") { Description = "The PDU's name", Required = true };
        var region = new Option<string>("--region") { Description = "A registered region (never changes)", Required = true };
        var command = new Command("add-pdu", "Register a PDU in a region (administrators)") { id, name, region };
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, async channel =>
        {
            var pdu = await new RegistryService.RegistryServiceClient(channel).AddPduAsync(
                new AddPduRequest { PduId = parse.GetValue(id), Name = parse.GetValue(name), Region = parse.GetValue(region) }, cancellationToken: ct);
            await output.WriteLineAsync($"PDU {pdu.Id} '{pdu.Name}' is registered in {pdu.Region}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command RenamePdu(ServerOptions target, TextWriter output, TextWriter error)
    {
        var id = new Argument<string>("pdu") { Description = "The PDU's id" };
        var name = new Option<string>("--name") { Description = "Its new name", Required = true };
        var command = new Command("rename-pdu", "Give a registered PDU a new name (administrators; inspections keep theirs)") { id, name };
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, async channel =>
        {
            var pdu = await new RegistryService.RegistryServiceClient(channel).RenamePduAsync(new RenamePduRequest { PduId = parse.GetValue(id), Name = parse.GetValue(name) }, cancellationToken: ct);
            await output.WriteLineAsync($"PDU {pdu.Id} is now '{pdu.Name}'.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
