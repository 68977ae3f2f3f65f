using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Orleans.Serialization;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Grains.Diagnostics;

namespace RatingGrid.Grains.Storage;

/// <summary>
/// Standings in an Azure table: partition = region, row = inspection (both <see cref="StorageKeys"/>;
/// an inspection's standing as last published in a row of its own, prefixed <c>~~published~</c>),
/// the standing in the binary properties <c>D0</c>, <c>D1</c>, ... (64 KiB each), its version in
/// <c>Version</c>. A write replaces the row only if it is still what this process last saw (ETag), so
/// a stale publisher never replaces a newer standing with an older one.
/// </summary>
public sealed class AzureStandingStore(TableClient table, Serializer<Standing> serializer, StorageCalls calls) : IStandingStore
{
    private const int ChunkBytes = 64 * 1024;
    private const int MaxChunks = 15; // a table entity holds 1 MiB
    private const int MaxAttempts = 4; // add, look, replace, and once more should another writer slip in

    // Before the encoded inspection id in the row of its published standing: "~~" is in no encoded id.
    private const string PublishedRow = "~~published~";

    private readonly ConcurrentDictionary<(string Partition, string Row), (ETag ETag, long Version)> _seen = new();
    private bool _tableExists;

    public Task<long> WriteAsync(Standing standing, CancellationToken cancellationToken = default) =>
        calls.RunAsync("store a standing", async ct =>
        {
            var stored = await WriteRowAsync(standing, StorageKeys.Encode(standing.InspectionId), ct);
            if (standing.Status == InspectionStatus.Published)
            {
                // Its own row, also versioned, so that a correction in progress (a newer, unpublished
                // standing) leaves the published figures where they were.
                await WriteRowAsync(standing, PublishedRow + StorageKeys.Encode(standing.InspectionId), ct);
            }

            return stored;
        }, cancellationToken);

    private async Task<long> WriteRowAsync(Standing standing, string rowKey, CancellationToken ct)
    {
        var (entity, size) = Entity(standing, rowKey);
        var at = (entity.PartitionKey, entity.RowKey);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (_seen.TryGetValue(at, out var seen))
                {
                    if (seen.Version >= standing.Version)
                    {
                        return seen.Version;
                    }

                    var replaced = await table.UpdateEntityAsync(entity, seen.ETag, TableUpdateMode.Replace, ct);
                    _seen[at] = (replaced.Headers.ETag ?? ETag.All, standing.Version);
                    GrainMetrics.StandingBytes.Add(size);
                    return standing.Version;
                }

                // A row this process has not seen is most often a new inspection's: add it, and
                // look at what is stored only if that is refused.
                await EnsureTableAsync(ct);
                var stored = attempt == 1 ? null : await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, ["Version"], ct);
                if (stored is not { HasValue: true })
                {
                    var added = await table.AddEntityAsync(entity, ct);
                    _seen[at] = (added.Headers.ETag ?? ETag.All, standing.Version);
                    GrainMetrics.StandingBytes.Add(size);
                    return standing.Version;
                }

                _seen[at] = (stored.Value!.ETag, stored.Value.GetInt64("Version") ?? 0);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                _seen.TryRemove(at, out _); // someone else wrote it: look again
            }
        }
    }

    public Task<StoredStandings> ReadAsync(AggregateKey scope, CancellationToken cancellationToken = default) =>
        calls.RunAsync("read standings", async ct =>
        {
            var (standings, published) = (new List<Standing>(), new List<Standing>());
            var filter = scope.Region is { } region ? TableClient.CreateQueryFilter($"PartitionKey eq {StorageKeys.Encode(region)}") : null;
            try
            {
                await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
                {
                    (entity.RowKey.StartsWith(PublishedRow, StringComparison.Ordinal) ? published : standings).Add(Read(entity));
                    _seen[(entity.PartitionKey, entity.RowKey)] = (entity.ETag, entity.GetInt64("Version") ?? 0);
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return new StoredStandings([], []); // nothing was ever published here
            }

            return new StoredStandings(standings, published);
        }, cancellationToken);

    private (TableEntity Entity, int Size) Entity(Standing standing, string rowKey)
    {
        var bytes = serializer.SerializeToArray(standing);
        var chunks = (bytes.Length + ChunkBytes - 1) / ChunkBytes;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException($"The standing of inspection '{standing.InspectionId}' is {bytes.Length:N0} bytes; a table row holds {MaxChunks * ChunkBytes:N0}.");
        }

        var entity = new TableEntity(StorageKeys.Encode(standing.Region), rowKey) { ["Version"] = standing.Version };
        for (var i = 0; i < chunks; i++)
        {
            entity[$"D{i}"] = bytes.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, bytes.Length - (i * ChunkBytes))).ToArray();
        }

        return (entity, bytes.Length);
    }

    private Standing Read(TableEntity entity)
    {
        var bytes = new List<byte>();
        for (var i = 0; entity.GetBinary($"D{i}") is { } chunk; i++)
        {
            bytes.AddRange(chunk);
        }

        return serializer.Deserialize([.. bytes]) ?? throw new InvalidDataException($"Row {entity.RowKey} of the standings table holds no standing.");
    }

    private async Task EnsureTableAsync(CancellationToken ct)
    {
        if (!_tableExists)
        {
            await table.CreateIfNotExistsAsync(ct);
            _tableExists = true;
        }
    }
}
