namespace RatingGrid.Grains;

/// <summary>
/// One change waiting for the write that will contain it. It keeps the function that applied it,
/// so that after an ETag conflict it can be applied again on top of what storage now holds.
/// </summary>
internal sealed class PendingChange(Func<object> apply, object result)
{
    private readonly TaskCompletionSource<object> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public object Result { get; private set; } = result;

    public Task<object> Done => _done.Task;

    /// <summary>Applies the change again after a reload; a change that is now refused fails alone.</summary>
    public void Reapply()
    {
        try
        {
            Result = apply();
        }
        catch (Exception ex)
        {
            _done.TrySetException(ex);
        }
    }

    public void Acknowledge() => _done.TrySetResult(Result);

    public void Fail(Exception error) => _done.TrySetException(error);

    public bool IsFinished => _done.Task.IsCompleted;
}
