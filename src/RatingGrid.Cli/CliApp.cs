using System.CommandLine;
using System.Reflection;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using RatingGrid.Contracts.V1;
using Spectre.Console;

namespace RatingGrid.Cli;

/// <summary>The <c>ratinggrid</c> command line: a gRPC client of the service like any other.</summary>
internal static class CliApp
{
    public const string ServerVariable = "RATINGGRID_SERVER";
    private const string DefaultServer = "http://127.0.0.1:5080";
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var server = new Option<string>("--server")
        {
            Description = $"The RatingGrid gRPC address (default: ${ServerVariable}, else {DefaultServer})",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ServerVariable) ?? DefaultServer,
            Recursive = true,
        };
        var token = new Option<string?>("--token")
        {
            Description = $"The bearer token to call with (default: ${ServerTarget.TokenVariable}; 'ratinggrid token' mints a development one)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ServerTarget.TokenVariable),
            Recursive = true,
        };
        var target = new ServerOptions(server, token);
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON instead of a table" };
        var inspectionArgument = new Argument<string>("inspection") { Description = "The inspection id" };

        var show = new Command("show", "Show an inspection's ratings as the report prints them") { inspectionArgument, json };
        show.SetAction((parse, ct) => Call(target.From(parse), error, async channel =>
        {
            var inspection = await new InspectionService.InspectionServiceClient(channel)
                .GetInspectionAsync(new GetInspectionRequest { InspectionId = parse.GetValue(inspectionArgument) }, cancellationToken: ct);
            Print(output, parse.GetValue(json), inspection, console => Tables.Inspection(console, inspection));
            return ExitCodes.Ok;
        }));

        var openId = new Argument<string>("inspection") { Description = "The new inspection's id" };
        var pdu = new Option<string>("--pdu") { Description = "PDU id", Required = true };
        var pduName = new Option<string>("--name") { Description = "PDU name", Required = true };
        var region = new Option<string>("--region") { Description = "Region", Required = true };
        var start = new Option<DateOnly>("--start") { Description = "Fieldwork start (yyyy-mm-dd)", Required = true };
        var end = new Option<DateOnly>("--end") { Description = "Fieldwork end (yyyy-mm-dd)", Required = true };
        var open = new Command("open", "Open an inspection under the default rulebook") { openId, pdu, pduName, region, start, end };
        open.SetAction((parse, ct) => Call(target.From(parse), error, async channel =>
        {
            var inspection = await new InspectionService.InspectionServiceClient(channel).OpenInspectionAsync(new OpenInspectionRequest
            {
                InspectionId = parse.GetValue(openId), PduId = parse.GetValue(pdu), PduName = parse.GetValue(pduName), Region = parse.GetValue(region),
                FieldworkStart = Date(parse.GetValue(start)), FieldworkEnd = Date(parse.GetValue(end)), Actor = Environment.UserName,
            }, cancellationToken: ct);
            output.WriteLine($"Opened {inspection.InspectionId} under {inspection.Rulebook.Id} v{inspection.Rulebook.Version}.");
            return ExitCodes.Ok;
        }));

        var file = new Argument<FileInfo>("file") { Description = "A CSV of judgements (see the README for its columns)" };
        var into = new Option<string>("--inspection") { Description = "The inspection to import into", Required = true };
        var import = new Command("import", "Validate a CSV of judgements whole, then stream it; re-running it is harmless") { file, into };
        import.SetAction((parse, ct) => Call(target.From(parse), error, channel =>
            ImportAsync(channel, parse.GetValue(file)!, parse.GetValue(into)!, output, error, ct)));

        var regionName = new Argument<string>("region") { Description = "The region's name" };
        var regionCommand = new Command("region", "Show a region's pooled figures") { regionName, json };
        regionCommand.SetAction((parse, ct) => Call(target.From(parse), error, async channel =>
        {
            var figures = await new AggregationService.AggregationServiceClient(channel).GetRegionAsync(new GetRegionRequest { Region = parse.GetValue(regionName) }, cancellationToken: ct);
            Print(output, parse.GetValue(json), figures, console => Tables.Aggregate(console, figures));
            return ExitCodes.Ok;
        }));

        var national = new Command("national", "Show the national figures") { json };
        national.SetAction((parse, ct) => Call(target.From(parse), error, async channel =>
        {
            var nation = await new AggregationService.AggregationServiceClient(channel).GetNationAsync(new GetNationRequest { IncludeInspections = true }, cancellationToken: ct);
            Print(output, parse.GetValue(json), nation, console => Tables.Aggregate(console, nation.Figures));
            return ExitCodes.Ok;
        }));

        var watchId = new Argument<string>("inspection") { Description = "The inspection id" };
        var updates = new Option<int>("--updates") { Description = "Stop after this many states (default: until Ctrl+C)" };
        var watch = new Command("watch", "Show an inspection's ratings and print them again each time they change") { watchId, updates, json };
        watch.SetAction((parse, ct) => Call(target.From(parse), error, async channel =>
        {
            using var call = new InspectionService.InspectionServiceClient(channel).WatchInspection(new WatchInspectionRequest { InspectionId = parse.GetValue(watchId) }, cancellationToken: ct);
            var limit = parse.GetValue(updates);
            var seen = 0;
            await foreach (var inspection in call.ResponseStream.ReadAllAsync(ct))
            {
                Print(output, parse.GetValue(json), inspection, console => Tables.Inspection(console, inspection));
                if (++seen == limit)
                {
                    break;
                }
            }

            return ExitCodes.Ok;
        }));

        var scope = new Argument<string>("scope") { Description = "What to export: national" };
        scope.AcceptOnlyFromAmong("national");
        var format = new Option<string>("--format") { Description = "csv (one row per inspection) or json (one object per line)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var export = new Command("export", "Export every inspection's summary, for reporting jobs") { scope, format };
        export.SetAction((parse, ct) => Call(target.From(parse), error, channel =>
            Export.NationalAsync(new AggregationService.AggregationServiceClient(channel), parse.GetValue(format)!, output, ct)));

        var bench = Bench.Command(target, output, error);

        var demo = new Command("demo", "Open the Redcar example, stream its 44 cases, and print the published ratings (5/21, Requires improvement)");
        demo.SetAction((parse, ct) => Call(target.From(parse), error, channel => DemoAsync(channel, output, error, ct)));

        var root = new RootCommand("ratinggrid: rate HM Inspectorate of Probation inspections from case evidence")
        {
            server, token, show, watch, open, import, regionCommand, national, export, demo, bench, TokenCommand.Create(output, error),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("Run 'ratinggrid --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static async Task<int> ImportAsync(GrpcChannel channel, FileInfo file, string inspectionId, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"{file.FullName}: no such file");
            return ExitCodes.BadInput;
        }

        var inspections = new InspectionService.InspectionServiceClient(channel);
        var inspection = await inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId }, cancellationToken: ct);
        var rulebook = await new RulebookService.RulebookServiceClient(channel).GetRulebookAsync(new GetRulebookRequest { Rulebook = inspection.Rulebook }, cancellationToken: ct);
        var (judgements, problems) = JudgementCsv.Read(await File.ReadAllBytesAsync(file.FullName, ct), rulebook);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(problem.Format(file.Name));
            }

            await error.WriteLineAsync($"{problems.Count} problem(s) in {file.Name}; nothing was sent.");
            return ExitCodes.BadInput;
        }

        List<ChangeOutcome> acknowledged;
        if (ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected)
        {
            // A person at a terminal sees progress; scripts and redirected output get the summary line only.
            acknowledged = await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"Importing {file.Name}", maxValue: judgements.Count);
                return await StreamAsync(inspections, inspectionId, judgements, ct, acknowledged: n => task.Increment(n));
            });
        }
        else
        {
            acknowledged = await StreamAsync(inspections, inspectionId, judgements, ct);
        }

        await output.WriteLineAsync($"Imported {judgements.Count} case(s) into {inspectionId}: {acknowledged.Count(o => o == ChangeOutcome.Applied)} applied, {acknowledged.Count(o => o == ChangeOutcome.Duplicate)} already held, {acknowledged.Count(o => o is ChangeOutcome.Stale or ChangeOutcome.Conflict)} refused as stale or conflicting.");
        return ExitCodes.Ok;
    }

    internal static async Task<List<ChangeOutcome>> StreamAsync(
        InspectionService.InspectionServiceClient client, string inspectionId, IReadOnlyList<Judgement> judgements, CancellationToken ct, int batchSize = 200, Action<int>? acknowledged = null)
    {
        using var call = client.StreamJudgements(cancellationToken: ct);
        var batches = judgements.Chunk(batchSize).Select((chunk, i) => new JudgementBatch { BatchId = (ulong)i + 1, InspectionId = inspectionId, Actor = Environment.UserName, Judgements = { chunk } }).ToList();
        var writer = Task.Run(async () =>
        {
            foreach (var batch in batches)
            {
                await call.RequestStream.WriteAsync(batch, ct);
            }

            await call.RequestStream.CompleteAsync();
        }, ct);
        var outcomes = new List<ChangeOutcome>();
        await foreach (var ack in call.ResponseStream.ReadAllAsync(ct))
        {
            outcomes.AddRange(ack.Outcomes);
            acknowledged?.Invoke(ack.Outcomes.Count);
        }

        await writer;
        return outcomes;
    }

    private static async Task<int> DemoAsync(GrpcChannel channel, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var inspections = new InspectionService.InspectionServiceClient(channel);
        var id = $"demo-redcar-{DateTime.UtcNow:yyyyMMddHHmmss}";
        await inspections.OpenInspectionAsync(new OpenInspectionRequest
        {
            InspectionId = id, PduId = "redcar-cleveland-middlesbrough", PduName = "Redcar, Cleveland and Middlesbrough", Region = "North East",
            FieldworkStart = new Date { Year = 2025, Month = 6, Day = 2 }, FieldworkEnd = new Date { Year = 2025, Month = 6, Day = 27 }, Actor = "demo",
        }, cancellationToken: ct);
        var rulebook = await new RulebookService.RulebookServiceClient(channel).GetRulebookAsync(new GetRulebookRequest { Rulebook = new RulebookRef { Id = "hmip-pdu-2023" } }, cancellationToken: ct);
        await using var csv = Assembly.GetExecutingAssembly().GetManifestResourceStream("RatingGrid.Cli.Demo.redcar-2025.csv")!;
        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, ct);
        var (judgements, problems) = JudgementCsv.Read(buffer.ToArray(), rulebook);
        if (problems.Count > 0)
        {
            await error.WriteLineAsync(string.Join(Environment.NewLine, problems.Select(p => p.Format("redcar-2025.csv"))));
            return ExitCodes.BadInput;
        }

        await StreamAsync(inspections, id, judgements, ct);
        // The inspectors' own judgements, as published in the report (June 2025 fieldwork).
        foreach (var (standard, rating, rationale) in new[]
                 {
                     ("P1.1", Rating.Good, "Leadership: as published."),
                     ("P1.2", Rating.RequiresImprovement, "Staffing: as published."),
                     ("P1.3", Rating.RequiresImprovement, "Services: as published."),
                 })
        {
            await inspections.SetJudgedRatingAsync(new SetJudgedRatingRequest { InspectionId = id, StandardId = standard, Rating = rating, Rationale = rationale, Actor = "demo" }, cancellationToken: ct);
        }

        var inspection = await inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: ct);
        Tables.Inspection(Console(output), inspection);
        return ExitCodes.Ok;
    }

    internal static async Task<int> Call(ServerTarget target, TextWriter error, Func<GrpcChannel, Task<int>> action)
    {
        var server = target.Address;
        try
        {
            using var channel = target.OpenChannel();
            return await action(channel);
        }
        // A status the client made up (it has the local exception behind it) means the server was never reached.
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && ex.Status.DebugException is not null)
        {
            await error.WriteLineAsync($"Cannot reach RatingGrid at {server}: {ex.Status.Detail}. Is it running (scripts/run.sh)? Set --server or ${ServerVariable}.");
            return ExitCodes.Unreachable;
        }
        catch (RpcException ex)
        {
            await error.WriteLineAsync($"RatingGrid refused the request ({ex.StatusCode}): {ex.Status.Detail}");
            return ExitCodes.Refused;
        }
        catch (UriFormatException ex)
        {
            await error.WriteLineAsync($"'{server}' is not a server address: {ex.Message}");
            return ExitCodes.Usage;
        }
    }

    private static void Print(TextWriter output, bool json, IMessage message, Action<IAnsiConsole> table)
    {
        if (json)
        {
            output.WriteLine(Json.Format(message));
        }
        else
        {
            table(Console(output));
        }
    }

    private static IAnsiConsole Console(TextWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });

    private static Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
