using Grpc.Core;
using RatingGrid.Client.Connections;
using RatingGrid.Client.Requests;
using RatingGrid.Web.Components.Parts;
using RatingGrid.Web.Reading;

namespace RatingGrid.Web.Live;

/// <summary>
/// The live parts' feeds: one server-sent event stream per open page, fed by one watch of the
/// service (with the person's own token, so the service decides what they see), each newer version
/// rendered to the HTML the page itself renders and sent with its version as the event's id. A
/// browser that loses the stream reconnects by itself with the last id, and the watch resumes from
/// it: nothing is missed. A refusal waiting will not mend ends the stream with a "problem" event.
/// </summary>
internal static partial class LiveEndpoints
{
    public static void MapRatingGridLive(this WebApplication app)
    {
        var live = app.MapGroup("/live").RequireAuthorization();
        live.MapGet("/regions/{region}", (string region, HttpContext context, IReads reads, LiveFragments fragments) =>
            FollowAsync(context, fragments, after => reads.WatchRegionPdusAsync(region, after, context.RequestAborted), a => a.Version,
                a => fragments.RenderAsync<RegionFigures>(new Dictionary<string, object?> { [nameof(RegionFigures.Answer)] = a }, [a])));
        live.MapGet("/nation", (HttpContext context, IReads reads, LiveFragments fragments) =>
        {
            var query = context.Request.Query;
            var (request, error) = new ReportChoice(query["as-of"], query["from"], query["to"], query["basis"]).ToRequest();
            return request is null
                ? Results.Problem(error, statusCode: StatusCodes.Status400BadRequest)
                : FollowAsync(context, fragments, after => reads.WatchNationOverviewAsync(request, after, context.RequestAborted), o => o.Nation.Version,
                    o => fragments.RenderAsync<NationFigures>(new Dictionary<string, object?> { [nameof(NationFigures.Overview)] = o }, [o, request]));
        });
        live.MapGet("/inspections/{id}", (string id, HttpContext context, IReads reads, LiveFragments fragments) =>
            FollowAsync(context, fragments, after => reads.WatchInspectionAsync(id, after, context.RequestAborted), i => i.Version, async inspection =>
            {
                var (breakdowns, problem) = inspection.PublishedReport is null ? await InspectionBreakdowns.ReadAsync(reads, id, context.RequestAborted) : (null, null);
                return await fragments.RenderAsync<InspectionFigures>(new Dictionary<string, object?>
                {
                    [nameof(InspectionFigures.Inspection)] = inspection,
                    [nameof(InspectionFigures.Breakdowns)] = breakdowns,
                    [nameof(InspectionFigures.BreakdownsProblem)] = problem,
                }, [inspection, .. breakdowns ?? []], $"{breakdowns is null}|{problem?.Kind}|{problem?.Title}|{problem?.Detail}");
            }));
    }

    private static IResult FollowAsync<T>(HttpContext context, LiveFragments fragments, Func<long, IAsyncEnumerable<T>> watch, Func<T, long> version, Func<T, Task<string>> render) =>
        Results.Extensions.Stream(async cancel =>
        {
            var events = new ServerSentEvents(context.Response);
            await events.BeginAsync(cancel);
            try
            {
                await foreach (var answer in watch(AfterVersion(context.Request)).WithCancellation(cancel))
                {
                    await events.SendAsync(null, version(answer), await render(answer), cancel);
                }
            }
            catch (RpcException ex) when (!ex.IsTransient())
            {
                var problem = Problem.From(ex, "figures");
                await events.SendAsync("problem", null, await fragments.RenderAsync<LiveProblem>(new Dictionary<string, object?> { [nameof(LiveProblem.Problem)] = problem }), cancel);
            }
            catch (Exception ex) when (cancel.IsCancellationRequested && ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                // The page closed or moved on: the watch was cancelled with it (gRPC says so as
                // CANCELLED). Nothing went wrong, so nothing escapes to be logged as a failure.
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LiveEndpoints));
                LogEnded(logger, context.Request.Path);
            }
        }, context.RequestAborted);

    // The browser's Last-Event-ID after a reconnection; else the version the page was rendered at.
    private static long AfterVersion(HttpRequest request) =>
        long.TryParse(request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } last ? last : request.Query["after"].ToString(),
            System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var after) ? after : 0;

    [LoggerMessage(Level = LogLevel.Debug, Message = "A live feed ended: {Path} closed")]
    private static partial void LogEnded(ILogger logger, PathString path);
}
