using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Host.Benchmarks;

/// <summary>
/// The transport's ceiling: the same contract and messages, but every batch is acknowledged at once
/// with a summary of the usual size, and nothing is validated, applied or stored.
/// </summary>
internal sealed class BareStreamServer : InspectionService.InspectionServiceBase
{
    private static readonly RatingsSummary Summary = new()
    {
        Cases = 50,
        Standards =
        {
            Enumerable.Range(1, 7).Select(i => new StandardRating
            {
                StandardId = $"P{i}", Name = "Standard", Kind = StandardKind.CaseRated, Rating = Rating.Good, Points = 2, DrivenBy = $"P{i}.S",
            }),
        },
        Overall = new Overall { Score = 14, MaxScore = 21, Rating = Rating.Good, LowestReachableScore = 14, HighestReachableScore = 14, PossibleRatings = { Rating.Good } },
    };

    public override async Task StreamJudgements(IAsyncStreamReader<JudgementBatch> requestStream, IServerStreamWriter<JudgementsAck> responseStream, ServerCallContext context)
    {
        var version = 0L;
        await foreach (var batch in requestStream.ReadAllAsync(context.CancellationToken))
        {
            var ack = new JudgementsAck { BatchId = batch.BatchId, InspectionId = batch.InspectionId, Version = ++version, Summary = Summary };
            ack.Outcomes.AddRange(Enumerable.Repeat(ChangeOutcome.Applied, batch.Judgements.Count));
            await responseStream.WriteAsync(ack, context.CancellationToken);
        }
    }

    public static async Task<WebApplication> StartAsync(int port)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 4 * 1024 * 1024);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.MapGrpcService<BareStreamServer>();
        await app.StartAsync();
        return app;
    }
}
