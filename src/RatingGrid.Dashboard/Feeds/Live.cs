namespace RatingGrid.Dashboard.Feeds;

/// <summary>
/// Shows a followed watch on a page: each answer as it comes; a break (which the client library's
/// resumable watch mends by itself, resuming from the last version shown) as a problem while it lasts;
/// a problem waiting will not mend (refused, not found, sign-in needed) as the end.
/// </summary>
internal static class Live
{
    public static async Task FollowAsync<T>(IAsyncEnumerable<T> answers, Func<T, Task> shown, Func<Problem, Task> failed, string what, CancellationToken stop)
    {
        try
        {
            await foreach (var answer in answers.WithCancellation(stop))
            {
                await shown(answer);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            await failed(Problem.From(ex, what));
        }
    }
}
