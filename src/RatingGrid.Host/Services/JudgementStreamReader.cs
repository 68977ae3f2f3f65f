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
                await FlushingBeforeWait(inFlight.WriteAsync((batch, await RecordOrFailAsync(batch)), stop));
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

    // Batches already read are sent before the reader waits, and only then.
    private Task<bool> FlushingBeforeWait(Task<bool> next)
    {
        if (!next.IsCompleted)
        {
            dispatcher.Flush();
        }

        return next;
    }

    private ValueTask FlushingBeforeWait(ValueTask next)
    {
        if (!next.IsCompleted)
        {
            dispatcher.Flush();
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
