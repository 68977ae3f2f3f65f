namespace RatingGrid.Grains.Abstractions.Errors;

/// <summary>No PDU is registered under this id.</summary>
[GenerateSerializer, Alias("RatingGrid.PduNotFoundException")]
public sealed class PduNotFoundException : Exception
{
    public PduNotFoundException() { }

    public PduNotFoundException(string message) : base(message) { }

    public PduNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}
