using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Host.Mapping;
using RatingGrid.Host.Services;

namespace RatingGrid.Host.Tests.Unit;

/// <summary>How a judgement stream hands its batches to the inspections: queued until the reader would wait, then together.</summary>
public sealed class StreamDispatcherTests
{
    private readonly FakeGrainFactory _grains = new();

    private async Task<FakeInspectionGrain> OpenedAsync(string id)
    {
        var grain = (FakeInspectionGrain)_grains.GetGrain<IInspectionGrain>(id);
        await grain.OpenAsync(new InspectionDetails("pdu", "PDU", "North East", Requests.Rulebook.Key.Id, Requests.Rulebook.Key.Version, new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30)), "test");
        return grain;
    }

    private static JudgementBatchInput Batch(int revision) => new("feed", [Requests.Judgement("c1", revision).ToDomain()]);

    [Fact]
    public async Task Batches_read_before_the_reader_waits_go_to_their_inspection_in_one_call_and_none_goes_before()
    {
        var (a, b) = (await OpenedAsync("a"), await OpenedAsync("b"));
        var dispatcher = new StreamDispatcher(_grains);

        var receipts = new[] { dispatcher.Enqueue("a", Batch(1)), dispatcher.Enqueue("b", Batch(1)), dispatcher.Enqueue("a", Batch(2)), dispatcher.Enqueue("a", Batch(3)) };
        Assert.Empty(a.BatchCalls);
        Assert.Empty(b.BatchCalls);

        dispatcher.Flush();
        var done = await Task.WhenAll(receipts);

        Assert.Equal([3], a.BatchCalls);
        Assert.Equal([1], b.BatchCalls);
        // Each batch has its own receipt, in the order sent: a's three one version after another.
        Assert.Equal([done[0].Version + 1, done[0].Version + 2], [done[2].Version, done[3].Version]);
        Assert.Equal([1L, 2L, 3L], a.Batches.Select(x => x.Judgements[0].Revision));
    }

    [Fact]
    public async Task Flushing_with_nothing_queued_calls_nothing_and_a_later_batch_waits_for_the_next_flush()
    {
        var a = await OpenedAsync("a");
        var dispatcher = new StreamDispatcher(_grains);
        dispatcher.Flush();
        Assert.Empty(a.BatchCalls);

        var first = dispatcher.Enqueue("a", Batch(1));
        dispatcher.Flush();
        await first;
        var second = dispatcher.Enqueue("a", Batch(2));
        Assert.False(second.IsCompleted);
        dispatcher.Flush();
        await second;

        Assert.Equal([1, 1], a.BatchCalls);
    }

    [Fact]
    public async Task The_inspection_held_back_waits_for_its_release_while_the_others_go_and_then_goes_in_one_call()
    {
        var (a, b) = (await OpenedAsync("a"), await OpenedAsync("b"));
        var dispatcher = new StreamDispatcher(_grains);

        var first = new[] { dispatcher.Enqueue("b", Batch(1)), dispatcher.Enqueue("a", Batch(1)), dispatcher.Enqueue("a", Batch(2)) };
        dispatcher.FlushAllBut("a");
        await first[0];
        Assert.Equal([1], b.BatchCalls);
        Assert.Empty(a.BatchCalls);

        // Held back through further flushes while it stays the stream's newest inspection...
        var third = dispatcher.Enqueue("a", Batch(3));
        dispatcher.FlushAllBut("a");
        Assert.Empty(a.BatchCalls);
        Assert.False(first[1].IsCompleted);

        // ...until released: then all three in one call, in order.
        dispatcher.Release("a");
        await Task.WhenAll(first[1], first[2], third);
        Assert.Equal([3], a.BatchCalls);
        Assert.Equal([1L, 2L, 3L], a.Batches.Select(x => x.Judgements[0].Revision));
    }

    [Fact]
    public async Task Releasing_an_inspection_that_is_not_held_back_sends_nothing_more()
    {
        var a = await OpenedAsync("a");
        var dispatcher = new StreamDispatcher(_grains);
        var sent = dispatcher.Enqueue("a", Batch(1));
        dispatcher.Flush();
        await sent;

        dispatcher.Release("a");
        dispatcher.Release("never-seen");
        var next = dispatcher.Enqueue("a", Batch(2));
        Assert.False(next.IsCompleted);
        dispatcher.FlushAllBut("b");
        await next;

        Assert.Equal([1, 1], a.BatchCalls);
    }
}
