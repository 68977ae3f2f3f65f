using Azure.Data.Tables;
using RatingGrid.Domain.Aggregation;

namespace RatingGrid.Grains.Storage;

/// <summary>A standing encoded as the table row it is stored in, and the bytes it holds.</summary>
internal sealed record StandingRow(Standing Standing, TableEntity Entity, int Size)
{
    public (string Partition, string Row) At => (Entity.PartitionKey, Entity.RowKey);
}
