namespace RatingGrid.Grains.Changes;

/// <summary>The long poll behind every change feed.</summary>
internal static class ChangeWait
{
    /// <summary>
    /// Whether <paramref name="changed"/> completes within <paramref name="timeout"/>; false on the
    /// timeout or once the caller cancels (Orleans carries a caller's cancellation to the grain), so a
    /// watcher that left holds nothing until its poll would have ended.
    /// </summary>
    public static async Task<bool> ArrivesAsync(Task changed, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await changed.WaitAsync(timeout, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
