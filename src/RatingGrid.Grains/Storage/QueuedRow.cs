namespace RatingGrid.Grains.Storage;

/// <summary>A row waiting for its partition's next request, and the writers waiting for it.</summary>
internal sealed class QueuedRow<T>(string key, T value)
{
    public string Key { get; } = key;

    /// <summary>The newest value written to this row while it waited.</summary>
    public T Value { get; set; } = value;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
