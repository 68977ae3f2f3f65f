using System.IO.Pipelines;
using System.Threading.Channels;
using Grpc.Core;
using RatingGrid.Contracts.V1;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Host.Access;

namespace RatingGrid.Host.Services;

/// <summary>
/// The reading half of one StreamJudgements call: reads batches as they come, checks each, and hands
/// it to the <see cref="StreamDispatcher"/>, running ahead of acknowledgements up to the in-flight
/// limit (the channel's bound) so that concurrent batches share storage writes. The batches it has
/// read are sent whenever it would wait, so those that arrived together travel together.
/// </summary>
internal sealed class JudgementStreamReader(
    RegionGuard regions,
    StreamDispatcher dispatcher,
    Func<JudgementBatch, JudgementBatchInput> check,
    Caller caller)
{
    private string? _tail;

    /// <summary>Reads until the client completes, the call stops, or <paramref name="stop"/> fires; then completes <paramref name="inFlight"/>.</summary>
    public async Task ReadAsync(
        IAsyncStreamReader<JudgementBatch> requests,
        PipeReader body,
        ChannelWriter<(JudgementBatch Batch, Task<BatchReceipt> Receipt)> inFlight,
        CancellationToken stop)
    {
        // Stopping must not cancel a pending read through the transport's token: that aborts the whole
        // call, and the client would see a broken connection instead of acknowledgements and a
        // retryable status. Nor may a read be left running: Kestrel hands this HTTP/2 stream to a later
        // call once this one ends, and a leftover read breaks that call ("Reading is already in
        // progress"). So stopping ends a pending read the way the pipe provides, and the read is
        // awaited before returning. (The token given to MoveNext only ends a wait for the call rate.)
        await using var cancelRead = stop.Register(body.CancelPendingRead);
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await FlushingBeforeWait(requests.MoveNext(stop));
                }
                catch (Exception) when (stop.IsCancellationRequested)
                {
                    break; // the read was cancelled because the call is stopping
                }

                if (!more)
                {
                    break;
                }

                var batch = requests.Current;
                // Checked before the next batch is read, so batches reach the dispatcher in the order sent.
                var receipt = await RecordOrFailAsync(batch);
                _tail = batch.InspectionId;
                await FlushingBeforeWait(inFlight.WriteAsync((batch, receipt), stop));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down, cancelled by the client, or stopped after a failed batch: stop taking batches.
        }
        catch (IOException)
        {
            // The client went away mid-message; the acknowledging side sees the cancellation.
        }
        finally
        {
            dispatcher.Flush(); // whatever was queued is sent: its receipt is already in flight
            inFlight.TryComplete();
        }
    }

    // Batches already read are sent before the reader waits, and only then; all but those of the
    // inspection the stream is in the middle of, whose next batches are likely the next to come and
    // can share their write. Those go at the next wait after a batch of another inspection, when the
    // stream ends, or once the acknowledging side reaches them: acknowledgements go out in order, so
    // until every batch before them is answered, holding them back keeps no answer from the client.
    private Task<bool> FlushingBeforeWait(Task<bool> next)
    {
        if (!next.IsCompleted)
        {
            dispatcher.FlushAllBut(_tail);
        }

        return next;
    }

    private ValueTask FlushingBeforeWait(ValueTask next)
    {
        if (!next.IsCompleted)
        {
            dispatcher.FlushAllBut(_tail);
        }

        return next;
    }

    private async Task<Task<BatchReceipt>> RecordOrFailAsync(JudgementBatch batch)
    {
        try
        {
            var checkedBatch = check(batch);
            await FlushingBeforeWait(regions.EnsureInspectionAsync(caller, batch.InspectionId));
            return dispatcher.Enqueue(batch.InspectionId, checkedBatch);
        }
        catch (Exception ex)
        {
            return Task.FromException<BatchReceipt>(ex);
        }
    }
}
