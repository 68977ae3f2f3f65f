namespace RatingGrid.Grains.Abstractions.Inspections;

/// <summary>What an inspection is of, fixed when it is opened.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.InspectionDetails")]
public sealed record InspectionDetails(
    [property: Id(0)] string PduId,
    [property: Id(1)] string PduName,
    [property: Id(2)] string Region,
    [property: Id(3)] string RulebookId,
    [property: Id(4)] int RulebookVersion,
    [property: Id(5)] DateOnly FieldworkStart,
    [property: Id(6)] DateOnly FieldworkEnd);
