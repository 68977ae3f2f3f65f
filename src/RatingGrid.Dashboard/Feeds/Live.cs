namespace RatingGrid.Dashboard.Feeds;

/// <summary>
/// Follows a watch for a page: each item as it comes; after a break, the watch again (the caller's
/// <c>watch</c> resumes from what the page shows), with a backoff from 1 s to 15 s. A problem that
/// waiting will not mend (refused, not found, sign-in needed) ends it.
/// </summary>
internal static class Live
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(15);

    public static async Task FollowAsync<T>(
        Func<CancellationToken, IAsyncEnumerable<T>> watch, Func<T, Task> shown, Func<Problem, Task> failed, string what, CancellationToken stop)
    {
        var retry = FirstRetry;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await foreach (var next in watch(stop))
                {
                    await shown(next);
                    retry = FirstRetry;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var problem = Problem.From(ex, what);
                await failed(problem);
                if (!problem.Retryable)
                {
                    return;
                }
            }

            await Task.Delay(retry, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }
}
