namespace RatingGrid.Grains.Abstractions.Errors;

/// <summary>Storage did not confirm the write: the change is not acknowledged and may be retried safely.</summary>
[GenerateSerializer, Alias("RatingGrid.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException() { }

    public StorageUnavailableException(string message) : base(message) { }

    public StorageUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
