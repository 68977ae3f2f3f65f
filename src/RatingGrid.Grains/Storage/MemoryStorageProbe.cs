namespace RatingGrid.Grains.Storage;

/// <summary>Memory storage is always there.</summary>
public sealed class MemoryStorageProbe : IStorageProbe
{
    public Task CheckAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
