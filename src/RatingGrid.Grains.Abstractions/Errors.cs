namespace RatingGrid.Grains;

/// <summary>A field at fault and what is wrong with it, as the wire contract names the field.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.Violation")]
public sealed record Violation([property: Id(0)] string Field, [property: Id(1)] string Description);

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

/// <summary>The request is well formed but the inspection is not in a state to take it (closed, opened differently).</summary>
[GenerateSerializer, Alias("RatingGrid.InspectionStateException")]
public sealed class InspectionStateException : Exception
{
    public InspectionStateException() { }

    public InspectionStateException(string message) : base(message) { }

    public InspectionStateException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The request is malformed; nothing was changed.</summary>
[GenerateSerializer, Alias("RatingGrid.InvalidRequestException")]
public sealed class InvalidRequestException : Exception
{
    public InvalidRequestException() { }

    public InvalidRequestException(string message) : base(message) { }

    public InvalidRequestException(string message, Exception innerException) : base(message, innerException) { }

    public InvalidRequestException(IReadOnlyList<Violation> violations)
        : base("Refused: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"))) => Violations = violations;

    [Id(0)]
    public IReadOnlyList<Violation> Violations { get; private set; } = [];
}

/// <summary>Storage did not confirm the write: the change is not acknowledged and may be retried safely.</summary>
[GenerateSerializer, Alias("RatingGrid.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException() { }

    public StorageUnavailableException(string message) : base(message) { }

    public StorageUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>A configured limit was reached; the message names it. Nothing was changed.</summary>
[GenerateSerializer, Alias("RatingGrid.LimitReachedException")]
public sealed class LimitReachedException : Exception
{
    public LimitReachedException() { }

    public LimitReachedException(string message) : base(message) { }

    public LimitReachedException(string message, Exception innerException) : base(message, innerException) { }

    public LimitReachedException(string limit, long value, string detail)
        : base($"{detail} (limit {limit} = {value})") => Limit = limit;

    [Id(0)]
    public string Limit { get; private set; } = "";
}
