using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Orleans.Serialization;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Grains.Abstractions.Aggregates;
using RatingGrid.Grains.Diagnostics;
using RatingGrid.Domain.Registry;

namespace RatingGrid.Grains.Storage;

/// <summary>
/// Standings in an Azure table: partition = region, row = inspection (both <see cref="StorageKeys"/>;
/// an inspection's standing as last published in a row of its own, prefixed <c>~~published~</c>),
/// the standing in the binary properties <c>D0</c>, <c>D1</c>, ... (64 KiB each), its version in
/// <c>Version</c>. A write replaces the row only if it is still what this process last saw (ETag), so
/// a stale publisher never replaces a newer standing with an older one. Rows of one region written
/// while a request to it is in flight share the next request, an entity group transaction (one
/// partition, up to 100 rows, all or nothing): a feed touching many inspections of a region costs a
/// few requests, not one per inspection. A transaction another writer got in the way of is sent
/// again row by row, each looking at what is stored first.
/// </summary>
public sealed class AzureStandingStore : IStandingStore
{
    private const int ChunkBytes = 64 * 1024;
    private const int MaxChunks = 15; // a table entity holds 1 MiB
    private const int MaxAttempts = 4; // add, look, replace, and once more should another writer slip in

    // Before the encoded inspection id in the row of its published standing: "~~" is in no encoded id.
    private const string PublishedRow = "~~published~";

    private readonly ConcurrentDictionary<(string Partition, string Row), (ETag ETag, long Version)> _seen = new();
    private readonly TableClient _table;
    private readonly Serializer<Standing> _serializer;
    private readonly StorageCalls _calls;
    private readonly PartitionBatches<StandingRow> _batches;
    private long _requests;
    private bool _tableExists;

    public AzureStandingStore(TableClient table, Serializer<Standing> serializer, StorageCalls calls)
    {
        (_table, _serializer, _calls) = (table, serializer, calls);
        _batches = new PartitionBatches<StandingRow>(SendAsync, row => row.Standing.Version, row => row.Size);
    }

    internal string TableName => _table.Name;

    /// <summary>Requests that stored rows, since this store was made: a row alone or a transaction of many.</summary>
    internal long Requests => Interlocked.Read(ref _requests);

    public async Task<long> WriteAsync(Standing standing, CancellationToken cancellationToken = default)
    {
        var row = Row(standing, StorageKeys.Encode(standing.InspectionId));
        var writes = new List<Task> { _batches.WriteAsync(row.Entity.PartitionKey, row.Entity.RowKey, row) };
        if (standing.Status == InspectionStatus.Published)
        {
            // Its own row, also versioned, so that a correction in progress (a newer, unpublished
            // standing) leaves the published figures where they were.
            var published = Row(standing, PublishedRow + StorageKeys.Encode(standing.InspectionId));
            writes.Add(_batches.WriteAsync(published.Entity.PartitionKey, published.Entity.RowKey, published));
        }

        await Task.WhenAll(writes).WaitAsync(cancellationToken);
        return _seen.TryGetValue(row.At, out var seen) ? Math.Max(seen.Version, standing.Version) : standing.Version;
    }

    // One request for the rows of one partition, bounded like every storage call.
    private Task SendAsync(string partition, IReadOnlyList<StandingRow> rows) =>
        _calls.RunAsync(rows.Count == 1 ? "store a standing" : $"store {rows.Count} standings of one region", async ct =>
        {
            if (rows.Count == 1)
            {
                await WriteRowAsync(rows[0], ct);
                return;
            }

            await EnsureTableAsync(ct);
            var sent = rows.Where(r => !(_seen.TryGetValue(r.At, out var seen) && seen.Version >= r.Standing.Version)).ToList();
            if (sent.Count == 0)
            {
                return;
            }

            try
            {
                CountRequest();
                var answers = await _table.SubmitTransactionAsync(sent.Select(Action), ct);
                for (var i = 0; i < sent.Count; i++)
                {
                    Saw(sent[i], i < answers.Value.Count ? answers.Value[i].Headers.ETag : null);
                }
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412 || ex.FailedTransactionActionIndex is not null)
            {
                // One row stopped the whole transaction (most often another writer got to it first): each
                // goes on its own, looking where it must, so that only that row's writer hears of it.
                await Task.WhenAll(sent.Select(r => WriteRowAsync(r, ct)));
            }
        });

    // An update only of the row as this process last saw it; an add where it has seen none.
    private TableTransactionAction Action(StandingRow row) =>
        _seen.TryGetValue(row.At, out var seen)
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row.Entity, seen.ETag)
            : new TableTransactionAction(TableTransactionActionType.Add, row.Entity);

    private void CountRequest()
    {
        Interlocked.Increment(ref _requests);
        GrainMetrics.StandingRequests.Add(1);
    }

    // Without the row's new ETag, the next write must look before replacing it.
    private void Saw(StandingRow row, ETag? etag)
    {
        if (etag is { } known)
        {
            _seen[row.At] = (known, row.Standing.Version);
        }
        else
        {
            _seen.TryRemove(row.At, out _);
        }

        GrainMetrics.StandingBytes.Add(row.Size);
    }

    private async Task WriteRowAsync(StandingRow row, CancellationToken ct)
    {
        var (standing, entity, size) = (row.Standing, row.Entity, row.Size);
        var at = row.At;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (_seen.TryGetValue(at, out var seen))
                {
                    if (seen.Version >= standing.Version)
                    {
                        return;
                    }

                    CountRequest();
                    var replaced = await _table.UpdateEntityAsync(entity, seen.ETag, TableUpdateMode.Replace, ct);
                    Saw(row, replaced.Headers.ETag);
                    return;
                }

                // A row this process has not seen is most often a new inspection's: add it, and
                // look at what is stored only if that is refused.
                await EnsureTableAsync(ct);
                var stored = attempt == 1 ? null : await _table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, ["Version"], ct);
                if (stored is not { HasValue: true })
                {
                    CountRequest();
                    var added = await _table.AddEntityAsync(entity, ct);
                    Saw(row, added.Headers.ETag);
                    return;
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
        _calls.RunAsync("read standings", async ct =>
        {
            var (standings, published) = (new List<Standing>(), new List<Standing>());
            // A region's rows may also sit under its old spellings, written by earlier versions.
            var filter = scope.Region is { } region
                ? string.Join(" or ", PduRegistry.BuiltIn.RegionAliases.Where(a => a.Value == region).Select(a => a.Key).Prepend(region)
                    .Select(r => TableClient.CreateQueryFilter($"PartitionKey eq {StorageKeys.Encode(r)}")))
                : null;
            try
            {
                await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
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

    private StandingRow Row(Standing standing, string rowKey)
    {
        var bytes = _serializer.SerializeToArray(standing);
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

        return new StandingRow(standing, entity, bytes.Length);
    }

    private Standing Read(TableEntity entity)
    {
        var bytes = new List<byte>();
        for (var i = 0; entity.GetBinary($"D{i}") is { } chunk; i++)
        {
            bytes.AddRange(chunk);
        }

        var standing = _serializer.Deserialize([.. bytes]) ?? throw new InvalidDataException($"Row {entity.RowKey} of the standings table holds no standing.");
        var region = PduRegistry.BuiltIn.CanonicalRegion(standing.Region);
        return region == standing.Region ? standing : standing with { Region = region }; // stored under an old spelling
    }

    private async Task EnsureTableAsync(CancellationToken ct)
    {
        if (!_tableExists)
        {
            await _table.CreateIfNotExistsAsync(ct);
            _tableExists = true;
        }
    }
}
