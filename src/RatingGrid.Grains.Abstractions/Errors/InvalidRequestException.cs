using RatingGrid.Domain.Ledger;

namespace RatingGrid.Grains.Abstractions.Errors;

/// <summary>The request is malformed; nothing was changed.</summary>
[GenerateSerializer, Alias("RatingGrid.InvalidRequestException")]
public sealed class InvalidRequestException : Exception
{
    public InvalidRequestException() { }

    public InvalidRequestException(string message) : base(message) { }

    public InvalidRequestException(string message, Exception innerException) : base(message, innerException) { }

    public InvalidRequestException(IReadOnlyList<FieldViolation> violations)
        : base("Refused: " + string.Join("; ", violations)) => Violations = violations;

    [Id(0)]
    public IReadOnlyList<FieldViolation> Violations { get; private set; } = [];
}
