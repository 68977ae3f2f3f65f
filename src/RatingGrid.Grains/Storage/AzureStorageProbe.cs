using Azure.Storage.Blobs;

namespace RatingGrid.Grains.Storage;

/// <summary>Asks whether the journals' container exists: one small request, answered or not.</summary>
public sealed class AzureStorageProbe(BlobContainerClient container) : IStorageProbe
{
    public Task CheckAsync(CancellationToken cancellationToken) => container.ExistsAsync(cancellationToken);
}
