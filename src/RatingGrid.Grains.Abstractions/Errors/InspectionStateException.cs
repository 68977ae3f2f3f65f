namespace RatingGrid.Grains.Abstractions.Errors;

/// <summary>The request is well formed but the inspection is not in a state to take it (closed, opened differently).</summary>
[GenerateSerializer, Alias("RatingGrid.InspectionStateException")]
public sealed class InspectionStateException : Exception
{
    public InspectionStateException() { }

    public InspectionStateException(string message) : base(message) { }

    public InspectionStateException(string message, Exception innerException) : base(message, innerException) { }
}
