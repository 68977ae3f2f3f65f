using RatingGrid.Domain.Reporting;

namespace RatingGrid.Grains.Abstractions.Aggregates;

/// <summary>A report, with the version of the view it was built from.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.ReportView")]
public sealed record ReportView(
    [property: Id(0)] AggregateKey Key,
    [property: Id(1)] long Version,
    [property: Id(2)] Report Report);
