using System.CommandLine;
using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Client.Display;

namespace RatingGrid.Cli.Commands;

/// <summary>
/// The end-to-end load generator: opens inspections and streams full 12-answer judgements to them,
/// bounded by count and by time, and reports judgements acknowledged per second.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(ServerOptions target, TextWriter output, TextWriter error, TimeProvider time)
    {
        var inspections = new Option<int>("--inspections") { Description = "Inspections to load", DefaultValueFactory = _ => 20 };
        var cases = new Option<int>("--cases") { Description = "Cases per inspection", DefaultValueFactory = _ => 50 };
        var revisions = new Option<int>("--revisions") { Description = "Revisions per case", DefaultValueFactory = _ => 5 };
        var streams = new Option<int>("--streams") { Description = "Concurrent judgement streams", DefaultValueFactory = _ => 4 };
        var batch = new Option<int>("--batch") { Description = "Judgements per batch", DefaultValueFactory = _ => 50 };
        var seconds = new Option<int>("--seconds") { Description = "Stop after this long, even if not done", DefaultValueFactory = _ => 60 };
        var command = new Command("bench", "Measure judgements acknowledged per second, bounded by count and time (loopback by default)")
        {
            inspections, cases, revisions, streams, batch, seconds,
        };
        command.SetAction((parse, ct) => CliApp.Call(target.From(parse), error, async channel =>
        {
            using var timeLimit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeLimit.CancelAfter(TimeSpan.FromSeconds(parse.GetValue(seconds)));
            var client = new InspectionService.InspectionServiceClient(channel);
            var rulebook = await new RulebookService.RulebookServiceClient(channel).GetRulebookAsync(new GetRulebookRequest { Rulebook = new RulebookRef { Id = "hmip-pdu-2023" } }, cancellationToken: ct);
            var keyQuestions = rulebook.Standards.SelectMany(s => s.KeyQuestions).Select(k => k.Id).ToArray();
            var run = time.GetUtcNow().ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            var ids = Enumerable.Range(0, parse.GetValue(inspections)).Select(i => $"bench-{run}-{i}").ToArray();
            // Every inspection is of one PDU of the bench's own, in a region of its own: registered
            // first, as any client must, and once, so that runs do not fill the registry.
            var registry = new RegistryService.RegistryServiceClient(channel);
            await registry.AddRegionAsync(new AddRegionRequest { Region = "Bench" }, cancellationToken: ct);
            await registry.AddPduAsync(new AddPduRequest { PduId = "bench", Name = "Bench PDU", Region = "Bench" }, cancellationToken: ct);
            foreach (var id in ids)
            {
                await client.OpenInspectionAsync(new OpenInspectionRequest
                {
                    InspectionId = id, PduId = "bench", PduName = "Bench PDU", Region = "Bench",
                    FieldworkStart = new DateOnly(2025, 6, 1).ToDate(), FieldworkEnd = new DateOnly(2025, 6, 30).ToDate(), Actor = "bench",
                }, cancellationToken: ct);
            }

            var started = time.GetTimestamp();
            var acknowledged = 0L;
            var streamCount = parse.GetValue(streams);
            var batchSize = parse.GetValue(batch);
            try
            {
                await Task.WhenAll(Enumerable.Range(0, streamCount).Select(async s =>
                {
                    var mine = ids.Where((_, i) => i % streamCount == s).ToList();
                    var judgements = from id in mine
                                     from r in Enumerable.Range(1, parse.GetValue(revisions))
                                     from c in Enumerable.Range(0, parse.GetValue(cases))
                                     select (Id: id, Judgement: Judgement($"case-{c}", r, keyQuestions));
                    foreach (var group in judgements.GroupBy(j => j.Id))
                    {
                        var outcomes = await JudgementStreaming.StreamAsync(client, group.Key, [.. group.Select(j => j.Judgement)], timeLimit.Token, batchSize);
                        Interlocked.Add(ref acknowledged, outcomes.Count);
                    }
                }));
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && timeLimit.IsCancellationRequested)
            {
                await error.WriteLineAsync($"Stopped after {parse.GetValue(seconds)} s, before the load was done.");
            }

            var elapsed = time.GetElapsedTime(started);
            await output.WriteLineAsync($"{acknowledged:N0} judgements acknowledged in {elapsed.TotalSeconds:N2} s: {acknowledged / elapsed.TotalSeconds:N0} judgements/s ({streamCount} streams, batches of {batchSize})");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Judgement Judgement(string caseId, int revision, string[] keyQuestions)
    {
        var judgement = new Judgement { CaseId = caseId, Revision = revision, CaseType = revision % 3 == 0 ? "licence" : "community" };
        judgement.Answers.AddRange(keyQuestions.Select((id, i) => new KeyQuestionAnswer { KeyQuestionId = id, Answer = (Answer)(1 + ((i + revision) % 3)) }));
        return judgement;
    }
}
