using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;
using RatingGrid.Grains.Storage;
using RatingGrid.Testing;

namespace RatingGrid.Grains.Tests;

/// <summary>The journal store on a real Azurite: appends conditional on position, seals, torn records, big records.</summary>
public sealed class JournalStoreTests(Azurite azurite)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private (AzureJournalStore Store, BlobContainerClient Container) NewStore()
    {
        var container = new BlobServiceClient(azurite.Process.ConnectionString).GetBlobContainerClient(TestClusters.ContainerFor(Scenarios.NewId("journal")));
        var calls = new StorageCalls(Options.Create(new StorageOptions()), new StorageHealth(TimeProvider.System), TimeProvider.System);
        return (new AzureJournalStore(container, calls), container);
    }

    private static byte[] Record(string text) => Encoding.UTF8.GetBytes(text);

    private static string[] Texts(IEnumerable<byte[]> records) => [.. records.Select(r => Encoding.UTF8.GetString(r))];

    [Fact]
    public async Task A_stale_writers_append_is_refused_and_overwrites_nothing()
    {
        var (store, _) = NewStore();
        var id = Scenarios.NewId("inspection");
        var start = await store.AppendAsync(id, JournalPosition.Start, Record("first"), Cancel);

        var mine = await store.AppendAsync(id, start, Record("mine"), Cancel);
        await Assert.ThrowsAsync<JournalConflictException>(() => store.AppendAsync(id, start, Record("stale"), Cancel));
        await Assert.ThrowsAsync<JournalConflictException>(() => store.AppendAsync(id, JournalPosition.Start, Record("staler"), Cancel));

        var tail = await store.ReadTailAsync(id, Cancel);
        Assert.Equal(["first", "mine"], Texts(tail.Records));
        Assert.Equal(mine, tail.End);
    }

    [Fact]
    public async Task A_sealed_segment_takes_no_more_appends_and_readers_start_from_its_snapshot()
    {
        var (store, _) = NewStore();
        var id = Scenarios.NewId("inspection");
        var end = await store.AppendAsync(id, JournalPosition.Start, Record("one"), Cancel);
        end = await store.AppendAsync(id, end, Record("two"), Cancel);

        var next = await store.BeginSegmentAsync(id, end, Record("snapshot after two"), Cancel);
        await Assert.ThrowsAsync<JournalConflictException>(() => store.AppendAsync(id, end, Record("late, into the sealed segment"), Cancel));
        await store.AppendAsync(id, next, Record("three"), Cancel);

        var tail = await store.ReadTailAsync(id, Cancel);
        Assert.Equal("snapshot after two", Encoding.UTF8.GetString(tail.Snapshot!));
        Assert.Equal(["three"], Texts(tail.Records));
        Assert.Equal(["one", "two", "three"], Texts(await store.ReadAllAsync(id, Cancel)));
    }

    [Fact]
    public async Task A_record_larger_than_one_append_comes_back_whole()
    {
        var (store, _) = NewStore();
        var id = Scenarios.NewId("inspection");
        var big = new byte[(JournalFrames.MaxFramePayload * 2) + 12345];
        Random.Shared.NextBytes(big);

        var end = await store.AppendAsync(id, JournalPosition.Start, big, Cancel);
        await store.AppendAsync(id, end, Record("after"), Cancel);

        var tail = await store.ReadTailAsync(id, Cancel);
        Assert.Equal(2, tail.Records.Count);
        Assert.Equal(big, tail.Records[0]);
        Assert.Equal(1, tail.End.Records - 1);
    }

    [Fact]
    public async Task A_record_torn_by_a_writer_that_died_mid_way_is_dropped_and_the_journal_goes_on_after_it()
    {
        var (store, container) = NewStore();
        var id = Scenarios.NewId("inspection");
        var end = await store.AppendAsync(id, JournalPosition.Start, Record("whole"), Cancel);
        // The first frame of a three-frame record lands; its writer dies before the rest.
        var torn = JournalFrames.Split(new byte[(JournalFrames.MaxFramePayload * 2) + 10]);
        using (var frame = new MemoryStream(torn[0]))
        {
            await container.GetAppendBlobClient($"{StorageKeys.Encode(id)}/j00000000").AppendBlockAsync(frame, cancellationToken: Cancel);
        }

        var read = await store.ReadTailAsync(id, Cancel);
        Assert.Equal(["whole"], Texts(read.Records));
        Assert.Equal(end.Offset + torn[0].Length, read.End.Offset);

        await store.AppendAsync(id, read.End, Record("resent"), Cancel);
        Assert.Equal(["whole", "resent"], Texts((await store.ReadTailAsync(id, Cancel)).Records));
    }

    [Fact]
    public async Task A_segment_left_empty_by_a_writer_that_died_before_its_first_append_takes_the_next_writers_append()
    {
        var (store, container) = NewStore();
        var id = Scenarios.NewId("inspection");
        var end = await store.AppendAsync(id, JournalPosition.Start, Record("one"), Cancel);
        var next = await store.BeginSegmentAsync(id, end, Record("snapshot after one"), Cancel);
        // The writer makes the next segment, and dies before appending to it.
        await container.GetAppendBlobClient($"{StorageKeys.Encode(id)}/j{next.Segment:D8}").CreateAsync(cancellationToken: Cancel);

        var read = await store.ReadTailAsync(id, Cancel);
        Assert.Equal(next, read.End);
        var after = await store.AppendAsync(id, read.End, Record("two"), Cancel);

        // A rival that read before that append is still refused.
        await Assert.ThrowsAsync<JournalConflictException>(() => store.AppendAsync(id, read.End, Record("rival"), Cancel));
        var tail = await store.ReadTailAsync(id, Cancel);
        Assert.Equal(["two"], Texts(tail.Records));
        Assert.Equal(after, tail.End);
        Assert.Equal(["one", "two"], Texts(await store.ReadAllAsync(id, Cancel)));
    }
}
