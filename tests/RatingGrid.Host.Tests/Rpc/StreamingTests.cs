using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Testing;

namespace RatingGrid.Host.Tests.Rpc;

[Collection(nameof(SharedHost))]
public sealed class StreamingTests(HostFixture host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Batch b (1-based) revises cases [start, start + size) to revision r, walking 5,000 cases 20 times.</summary>
    private static JudgementBatch Batch(string id, ulong b, int size = 500, int cases = 5_000)
    {
        var first = (int)((b - 1) * (ulong)size);
        var revision = 1 + (first / cases);
        return new JudgementBatch
        {
            BatchId = b,
            InspectionId = id,
            Actor = "feed",
            Judgements = { Enumerable.Range(first % cases, size).Select(c => Requests.Judgement($"case-{c:D4}", revision)) },
        };
    }

    [Fact]
    public async Task A_hundred_thousand_judgements_over_one_stream_are_acknowledged_once_per_batch_in_order()
    {
        const int batches = 200; // x 500 = 100,000 judgements
        var id = Requests.NewId();
        await host.Inspections.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        var sent = Enumerable.Range(1, batches).Select(b => Batch(id, (ulong)b)).ToList();

        using var call = host.Inspections.StreamJudgements(cancellationToken: Cancel);
        var writer = Task.Run(async () =>
        {
            foreach (var batch in sent)
            {
                await call.RequestStream.WriteAsync(batch, Cancel);
            }

            await call.RequestStream.CompleteAsync();
        }, Cancel);
        var acks = await call.ResponseStream.ReadAllAsync(Cancel).ToListAsync(Cancel);
        await writer;

        Assert.Equal(sent.Select(b => b.BatchId), acks.Select(a => a.BatchId));
        Assert.All(acks, a => Assert.Equal(500, a.Outcomes.Count));
        Assert.Equal(acks.Select(a => a.Version).Order(), acks.Select(a => a.Version));
        var inspection = await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel);
        Assert.Equal(5_000, inspection.Results.Cases);
        Requests.AssertSame(Requests.FromScratch(sent.SelectMany(b => b.Judgements)), inspection.Results);
    }

    [Fact]
    public async Task A_client_that_waits_for_each_acknowledgement_before_sending_the_next_batch_is_answered_every_time()
    {
        // The reader holds back the inspection a stream is in the middle of, hoping for its next batch;
        // a client that sends nothing more until it hears back must be answered all the same.
        var ids = new[] { Requests.NewId(), Requests.NewId() };
        foreach (var id in ids)
        {
            await host.Inspections.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        }

        using var call = host.Inspections.StreamJudgements(cancellationToken: Cancel);
        var batches = new[] { ids[0], ids[0], ids[0], ids[1], ids[0], ids[1], ids[1] }
            .Select((id, i) => Batch(id, (ulong)(i + 1), size: 10, cases: 1_000))
            .ToList();
        foreach (var batch in batches)
        {
            await call.RequestStream.WriteAsync(batch, Cancel);
            using var answered = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            answered.CancelAfter(TimeSpan.FromSeconds(30)); // bounds the hang this test exists to catch, not a timing target
            Assert.True(await call.ResponseStream.MoveNext(answered.Token), $"batch {batch.BatchId} got no acknowledgement");
            Assert.Equal(batch.BatchId, call.ResponseStream.Current.BatchId);
            Assert.Equal(10, call.ResponseStream.Current.Outcomes.Count);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(Cancel));
    }

    [Fact]
    public async Task A_client_that_drops_the_stream_and_resends_what_was_not_acknowledged_ends_with_the_same_ratings()
    {
        var id = Requests.NewId();
        await host.Inspections.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        var sent = Enumerable.Range(1, 30).Select(b => Batch(id, (ulong)b, size: 100, cases: 1_000)).ToList();

        ulong lastAcknowledged = 0;
        using (var dropped = new CancellationTokenSource())
        using (var first = host.Inspections.StreamJudgements(cancellationToken: dropped.Token))
        {
            foreach (var batch in sent)
            {
                await first.RequestStream.WriteAsync(batch, Cancel);
            }

            for (var i = 0; i < 7 && await first.ResponseStream.MoveNext(Cancel); i++)
            {
                lastAcknowledged = first.ResponseStream.Current.BatchId;
            }

            await dropped.CancelAsync(); // the connection breaks before the rest are acknowledged
        }

        Assert.Equal(7UL, lastAcknowledged);
        using var second = host.Inspections.StreamJudgements(cancellationToken: Cancel);
        var resent = sent.Where(b => b.BatchId > lastAcknowledged).ToList();
        foreach (var batch in resent)
        {
            await second.RequestStream.WriteAsync(batch, Cancel);
        }

        await second.RequestStream.CompleteAsync();
        var acks = await second.ResponseStream.ReadAllAsync(Cancel).ToListAsync(Cancel);

        Assert.Equal(resent.Select(b => b.BatchId), acks.Select(a => a.BatchId));
        var inspection = await host.Inspections.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, cancellationToken: Cancel);
        Requests.AssertSame(Requests.FromScratch(sent.SelectMany(b => b.Judgements)), inspection.Results);
    }

    [Fact]
    public async Task A_bad_batch_ends_the_stream_with_its_status_after_acknowledging_the_ones_before_it()
    {
        var id = Requests.NewId();
        await host.Inspections.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        using var call = host.Inspections.StreamJudgements(cancellationToken: Cancel);
        await call.RequestStream.WriteAsync(new JudgementBatch { BatchId = 1, InspectionId = id, Actor = "feed", Judgements = { Requests.Judgement("a", 1) } }, Cancel);
        var bad = Requests.Judgement("b", 1);
        bad.Answers[0].KeyQuestionId = "P9.9.X";
        await call.RequestStream.WriteAsync(new JudgementBatch { BatchId = 2, InspectionId = id, Actor = "feed", Judgements = { bad } }, Cancel);

        Assert.True(await call.ResponseStream.MoveNext(Cancel));
        Assert.Equal(1UL, call.ResponseStream.Current.BatchId);
        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Cancel));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("Batch 2", refused.Status.Detail, StringComparison.Ordinal);
    }

    // Kestrel reuses an HTTP/2 stream once its call has ended; a read the service left running past
    // the end of its call would then break whichever call gets that stream next ("Reading is already
    // in progress", seen by that caller as INTERNAL). Refused streams and good ones, interleaved on
    // one connection, make such a leftover read meet a later call.
    [Fact]
    public async Task A_stream_ended_by_a_refused_batch_leaves_nothing_running_to_disturb_later_calls()
    {
        var id = Requests.NewId();
        await host.Inspections.OpenInspectionAsync(Requests.Open(id), cancellationToken: Cancel);
        var refusedBatch = new JudgementBatch { BatchId = 1, InspectionId = id, Actor = "feed", Judgements = { new Judgement { CaseId = "c1", Revision = 0 } } };
        var unexpected = new System.Collections.Concurrent.ConcurrentBag<string>();
        var revision = 0L;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var round = 0; round < 150; round++)
            {
                using (var refused = host.Inspections.StreamJudgements(cancellationToken: Cancel))
                {
                    await refused.RequestStream.WriteAsync(refusedBatch, Cancel);
                    await refused.RequestStream.CompleteAsync();
                    var status = await Assert.ThrowsAsync<RpcException>(() => refused.ResponseStream.MoveNext(Cancel));
                    if (status.StatusCode != StatusCode.InvalidArgument)
                    {
                        unexpected.Add($"refused stream: {status.StatusCode} {status.Status.Detail}");
                    }
                }

                using var good = host.Inspections.StreamJudgements(cancellationToken: Cancel);
                var batch = new JudgementBatch { BatchId = 1, InspectionId = id, Actor = "feed", Judgements = { Requests.Judgement("c1", Interlocked.Increment(ref revision)) } };
                try
                {
                    await good.RequestStream.WriteAsync(batch, Cancel);
                    await good.RequestStream.CompleteAsync();
                    var acks = await good.ResponseStream.ReadAllAsync(Cancel).ToListAsync(Cancel);
                    if (acks.Count != 1)
                    {
                        unexpected.Add($"good stream: {acks.Count} acknowledgements");
                    }
                }
                catch (RpcException ex)
                {
                    unexpected.Add($"good stream: {ex.StatusCode} {ex.Status.Detail}");
                }
            }
        }, Cancel)));

        Assert.Empty(unexpected);
    }
}
