namespace RatingGrid.Grains.Abstractions.Inspections;

/// <summary>One batch's result within <see cref="IInspectionGrain.RecordBatchesAsync"/>: a receipt, or the error that refused it.</summary>
[GenerateSerializer, Immutable, Alias("RatingGrid.BatchResult")]
public sealed record BatchResult([property: Id(0)] BatchReceipt? Receipt, [property: Id(1)] Exception? Error);
