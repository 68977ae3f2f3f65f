using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Cli.Commands;

/// <summary>
/// <c>ratinggrid close | embargo | publish | correct ID</c>: an inspection's lifecycle steps, each
/// printed with where the inspection now stands.
/// </summary>
internal static class LifecycleCommands
{
    public static IEnumerable<Command> Create(ServerOptions target, TextWriter output, TextWriter error)
    {
        yield return Step(target, output, error, "close", "Close an inspection's fieldwork: it takes no more changes until reopened", [],
            (client, id, _, ct) => client.CloseInspectionAsync(new InspectionActionRequest { InspectionId = id, Actor = Environment.UserName }, cancellationToken: ct).ResponseAsync);

        var at = new Option<DateTimeOffset>("--at") { Description = "When the embargo ends and the inspection publishes itself (ISO 8601, e.g. 2026-12-03T09:30:00Z)", Required = true };
        yield return Step(target, output, error, "embargo", "Put a closed inspection under embargo until --at, when it publishes itself", [at],
            (client, id, parse, ct) => client.EmbargoInspectionAsync(new EmbargoInspectionRequest
            {
                InspectionId = id, PublishAt = Timestamp.FromDateTimeOffset(parse.GetValue(at)), Actor = Environment.UserName,
            }, cancellationToken: ct).ResponseAsync);

        yield return Step(target, output, error, "publish", "Publish a closed or embargoed inspection now", [],
            (client, id, _, ct) => client.PublishInspectionAsync(new InspectionActionRequest { InspectionId = id, Actor = Environment.UserName }, cancellationToken: ct).ResponseAsync);

        var reason = new Option<string>("--reason") { Description = "Why the published inspection is corrected (kept in its lifecycle)", Required = true };
        yield return Step(target, output, error, "correct", "Open a published inspection again for a correction, with a reason", [reason],
            (client, id, parse, ct) => client.CorrectInspectionAsync(new CorrectInspectionRequest { InspectionId = id, Reason = parse.GetValue(reason) ?? "", Actor = Environment.UserName }, cancellationToken: ct).ResponseAsync);
    }

    private static Command Step(ServerOptions target, TextWriter output, TextWriter error, string name, string description, System.CommandLine.Option[] options,
        Func<InspectionService.InspectionServiceClient, string, ParseResult, CancellationToken, Task<Inspection>> call)
    {
        var id = new Argument<string>("inspection") { Description = "The inspection's id" };
        var command = new Command(name, description) { id };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, async (GrpcChannel channel) =>
        {
            var inspection = await call(new InspectionService.InspectionServiceClient(channel), parse.GetValue(id)!, parse, ct);
            await output.WriteLineAsync(Describe(inspection));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Describe(Inspection inspection) => inspection.Status switch
    {
        InspectionStatus.Embargoed => $"{inspection.InspectionId} is embargoed until {inspection.PublishAt.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture)}, when it publishes itself.",
        InspectionStatus.Published => $"{inspection.InspectionId} is published.",
        InspectionStatus.Closed => $"{inspection.InspectionId} is closed.",
        _ => $"{inspection.InspectionId} is open.",
    };
}
