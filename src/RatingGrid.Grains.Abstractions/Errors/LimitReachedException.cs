namespace RatingGrid.Grains.Abstractions.Errors;

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
