using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace RatingGrid.Grains.Storage;

/// <summary>
/// Journals in Azure Blob storage. A segment is an append blob (<c>{key}/j{segment}</c>), each frame
/// one append conditional on the blob's length (Azure's append-position condition), which is what
/// refuses a stale writer. A snapshot is a block blob (<c>{key}/s{segment}</c>) written once. Append
/// blobs, not a block per commit: an append is one request and needs no block list to be committed
/// after it, and 50,000 appends per blob is far above a segment's records
/// (<see cref="StorageOptions.MaxRecordsPerSegment"/>); a record over 4 MiB spans several appends
/// (<see cref="JournalFrames"/>).
/// </summary>
public sealed class AzureJournalStore(BlobContainerClient container, StorageCalls calls) : JournalStore(calls)
{
    private const char SegmentMark = 'j';
    private const char SnapshotMark = 's';
    private const int OldFormatUnknown = 0;
    private const int OldFormatAbsent = 1;
    private const int OldFormatPresent = 2;
    private bool _containerExists;
    private int _oldFormat = OldFormatUnknown;

    /// <summary>Where RatingGrid kept inspections before journals: Orleans' blob per grain state.</summary>
    public const string OldFormatPrefix = "inspection-inspection/";

    /// <summary>How many inspections this container holds in the old format, counting at most <paramref name="most"/>.</summary>
    public async Task<int> CountOldFormatAsync(int most, CancellationToken ct)
    {
        var count = 0;
        try
        {
            await foreach (var _ in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, OldFormatPrefix, ct))
            {
                if (++count >= most)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return 0;
        }

        return count;
    }

    protected override async Task<bool> IsStoredInOldFormatAsync(string inspectionId, CancellationToken ct)
    {
        if (!await AnyOldFormatAsync(ct))
        {
            return false;
        }

        try
        {
            return await container.GetBlobClient($"{OldFormatPrefix}{inspectionId}.json").ExistsAsync(ct);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return false;
        }
    }

    // Asked once per process (a container written only by journals never gains old-format blobs), so
    // that a new inspection's first read costs one listing, not a listing and a probe.
    private async Task<bool> AnyOldFormatAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _oldFormat) is var known and not OldFormatUnknown)
        {
            return known == OldFormatPresent;
        }

        var present = await CountOldFormatAsync(1, ct) > 0;
        Volatile.Write(ref _oldFormat, present ? OldFormatPresent : OldFormatAbsent);
        return present;
    }

    protected override async Task<(IReadOnlyList<int> Segments, IReadOnlyList<int> Snapshots)> ListAsync(string key, CancellationToken ct)
    {
        var (segments, snapshots) = (new List<int>(), new List<int>());
        try
        {
            await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, key + "/", ct))
            {
                var name = blob.Name[(key.Length + 1)..];
                var number = int.Parse(name.AsSpan(1), CultureInfo.InvariantCulture);
                (name[0] == SegmentMark ? segments : snapshots).Add(number);
            }
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return ([], []); // nothing was ever stored here
        }

        segments.Sort();
        snapshots.Sort();
        return (segments, snapshots);
    }

    protected override async Task<byte[]> ReadSegmentAsync(string key, int segment, CancellationToken ct) =>
        (await container.GetBlobClient(Name(key, SegmentMark, segment)).DownloadContentAsync(ct)).Value.Content.ToArray();

    protected override async Task<byte[]> ReadSnapshotAsync(string key, int segment, CancellationToken ct) =>
        (await container.GetBlobClient(Name(key, SnapshotMark, segment)).DownloadContentAsync(ct)).Value.Content.ToArray();

    protected override async Task CreateSegmentAsync(string key, int segment, CancellationToken ct)
    {
        await EnsureContainerAsync(ct);
        try
        {
            await container.GetAppendBlobClient(Name(key, SegmentMark, segment)).CreateAsync(
                new AppendBlobCreateOptions { Conditions = new AppendBlobRequestConditions { IfNoneMatch = ETag.All } }, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // It exists: the append that follows, conditional on its length, decides whether it is ours to write.
        }
    }

    protected override async Task<long> AppendFrameAsync(string key, int segment, long offset, byte[] frame, CancellationToken ct)
    {
        try
        {
            using var content = new MemoryStream(frame, writable: false);
            await container.GetAppendBlobClient(Name(key, SegmentMark, segment)).AppendBlockAsync(content,
                new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = offset } }, ct);
            return offset + frame.Length;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404 or 409)
        {
            throw new JournalConflictException($"Segment {segment} of '{key}' does not end at {offset} any more: another writer appended or sealed it.", ex);
        }
    }

    protected override async Task WriteSnapshotOnceAsync(string key, int segment, ReadOnlyMemory<byte> snapshot, CancellationToken ct)
    {
        try
        {
            await container.GetBlobClient(Name(key, SnapshotMark, segment)).UploadAsync(BinaryData.FromBytes(snapshot),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Stored already: it sums up the same sealed records.
        }
    }

    private async Task EnsureContainerAsync(CancellationToken ct)
    {
        if (!_containerExists)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: ct);
            _containerExists = true;
        }
    }

    // Zero-padded, so that names sort as numbers do.
    private static string Name(string key, char mark, int segment) => $"{key}/{mark}{segment.ToString("D8", CultureInfo.InvariantCulture)}";
}
