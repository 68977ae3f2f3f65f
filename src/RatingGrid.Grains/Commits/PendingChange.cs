namespace RatingGrid.Grains.Commits;

/// <summary>
/// One change waiting for the write that will contain it. It keeps the function that applied it,
/// so that after a write conflict it can be applied again on top of what storage now holds.
/// </summary>
internal sealed class PendingChange<T>(Func<Change<T>> apply, T outcome) : IPendingChange
{
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _outcome = outcome;

    /// <summary>The change's outcome, once a write holding it has landed.</summary>
    public Task<T> Acknowledged => _done.Task;

    public Task Finished => _done.Task;

    public bool IsFinished => _done.Task.IsCompleted;

    public void Reapply()
    {
        try
        {
            _outcome = apply().Outcome;
        }
        catch (Exception ex)
        {
            _done.TrySetException(ex);
        }
    }

    public void Acknowledge() => _done.TrySetResult(_outcome);

    public void Fail(Exception error) => _done.TrySetException(error);
}
