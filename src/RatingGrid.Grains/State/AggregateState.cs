using RatingGrid.Domain.Aggregation;

namespace RatingGrid.Grains.State;

/// <summary>What a region or the nation stores: the newest standing of each inspection it holds.</summary>
[GenerateSerializer, Alias("RatingGrid.AggregateState.v1")]
public sealed class AggregateState
{
    [Id(0)]
    public Dictionary<string, Standing> Standings { get; set; } = [];
}
