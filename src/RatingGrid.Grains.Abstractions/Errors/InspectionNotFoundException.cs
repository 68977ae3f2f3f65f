namespace RatingGrid.Grains.Abstractions.Errors;

/// <summary>No inspection has been opened under this id.</summary>
[GenerateSerializer, Alias("RatingGrid.InspectionNotFoundException")]
public sealed class InspectionNotFoundException : Exception
{
    public InspectionNotFoundException() { }

    public InspectionNotFoundException(string inspectionId)
        : base($"Inspection '{inspectionId}' has not been opened.") => InspectionId = inspectionId;

    public InspectionNotFoundException(string message, Exception innerException) : base(message, innerException) { }

    [Id(0)]
    public string InspectionId { get; private set; } = "";
}
