using RatingGrid.Domain.Aggregation;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.State;

namespace RatingGrid.Grains.Inspections;

/// <summary>What one write stores, and what it makes visible: the view readers get and the standing the aggregates get.</summary>
internal sealed record CommitCapture(PendingWrite Write, InspectionView View, Standing Standing);
