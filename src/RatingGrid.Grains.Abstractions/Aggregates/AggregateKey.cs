namespace RatingGrid.Grains.Abstractions.Aggregates;

/// <summary>
/// Names an aggregate: the nation, or one region. Its text (<c>nation</c>, <c>region/{name}</c>) is
/// the aggregate grain's key; this type is the only place that builds or reads that text.
/// </summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.AggregateKey")]
public readonly record struct AggregateKey([property: Id(0)] string? Region)
{
    private const string NationText = "nation";
    private const string RegionPrefix = "region/";

    public static AggregateKey Nation { get; } = new(null);

    public static AggregateKey ForRegion(string region) => new(region);

    public bool IsNation => Region is null;

    /// <summary>What figures are about: the region's name, or "nation".</summary>
    public string Scope => Region ?? NationText;

    /// <summary>Reads a grain key back; anything but the two shapes above is a programming error.</summary>
    public static AggregateKey Parse(string text) =>
        text == NationText ? Nation
        : text.StartsWith(RegionPrefix, StringComparison.Ordinal) ? new(text[RegionPrefix.Length..])
        : throw new FormatException($"'{text}' is not an aggregate key ('{NationText}' or '{RegionPrefix}<name>').");

    public override string ToString() => Region is null ? NationText : RegionPrefix + Region;
}
