using System.Threading.Channels;
using Grpc.Core;
using RatingGrid.Client.Connections;
using RatingGrid.Contracts.V1;

namespace RatingGrid.Client.Feeding;

/// <summary>
/// Feeds judgements to RatingGrid over one StreamJudgements call at a time, keeping every batch sent
/// and not yet acknowledged. After a break (UNAVAILABLE from a host that stops, a connection lost,
/// a host killed) it opens a new stream, after a backoff with jitter, and resends those batches in
/// order: harmless, because revisions make a batch stored before the break come back as duplicates.
/// Each <see cref="SendAsync"/> is answered exactly once: with its batch's acknowledgement, or with
/// the refusal the service gave that batch (INVALID_ARGUMENT, FAILED_PRECONDITION, ...; the rest are
/// resent and go on), or, after <see cref="JudgementFeedOptions.GiveUpAfter"/> without any
/// acknowledgement, with the last error. At most <see cref="JudgementFeedOptions.MaxPending"/>
/// batches wait for acknowledgement at once; a further send waits for room (back-pressure).
/// </summary>
public sealed class JudgementFeed : IAsyncDisposable
{
    private readonly InspectionService.InspectionServiceClient _client;
    private readonly JudgementFeedOptions _options;
    private readonly SemaphoreSlim _room;
    private readonly Lock _gate = new();
    private readonly Queue<Pending> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private Channel<Pending> _toSend = NewChannel();
    private long _lastBatchId;
    private bool _completing;
    private Exception? _failed;

    public JudgementFeed(InspectionService.InspectionServiceClient client, JudgementFeedOptions? options = null)
    {
        (_client, _options) = (client, options ?? new JudgementFeedOptions());
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxPending, 1, nameof(options));
        _room = new SemaphoreSlim(_options.MaxPending);
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Batches sent and not yet answered.</summary>
    public int Unanswered
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>
    /// Sends one batch for one inspection and answers once it is acknowledged (durably stored), with
    /// one outcome per judgement. Waits first while <see cref="JudgementFeedOptions.MaxPending"/>
    /// batches are unanswered. Cancelling stops the wait, not the batch: once queued it is sent.
    /// </summary>
    public async Task<JudgementsAck> SendAsync(string inspectionId, IEnumerable<Judgement> judgements, CancellationToken cancellationToken = default) =>
        await (await QueueAsync(inspectionId, judgements, cancellationToken)).WaitAsync(cancellationToken);

    /// <summary>
    /// Queues one batch, once there is room, and returns at once with the task of its answer: for a
    /// producer that sends batches in order without waiting for each acknowledgement (batches queued
    /// one after another are sent, and answered, in that order).
    /// </summary>
    public async Task<Task<JudgementsAck>> QueueAsync(string inspectionId, IEnumerable<Judgement> judgements, CancellationToken cancellationToken = default)
    {
        await _room.WaitAsync(cancellationToken);
        var pending = new Pending(new JudgementBatch
        {
            BatchId = (ulong)Interlocked.Increment(ref _lastBatchId),
            InspectionId = inspectionId,
            Actor = _options.Actor,
            Judgements = { judgements },
        });
        lock (_gate)
        {
            if (_failed is not null || _completing)
            {
                _room.Release();
                throw new InvalidOperationException(_failed is null ? "The feed is completing: it takes no more batches." : $"The feed gave up: {_failed.Message}", _failed);
            }

            _pending.Enqueue(pending);
            _toSend.Writer.TryWrite(pending);
        }

        return pending.Answered.Task;
    }

    /// <summary>Waits until every batch sent is answered, then ends the stream; the feed takes no more.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _completing = true;
            if (_pending.Count == 0)
            {
                _toSend.Writer.TryComplete();
            }
        }

        await _pump.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump.ContinueWith(static _ => { }, TaskScheduler.Default);
        FailAll(new ObjectDisposedException(nameof(JudgementFeed), "The feed was disposed before its batch was acknowledged."));
        _stop.Dispose();
        _room.Dispose();
    }

    private static Channel<Pending> NewChannel() => Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    private async Task PumpAsync()
    {
        var (failures, time) = (0, _options.Time);
        var lastProgress = time.GetTimestamp();
        while (!_stop.IsCancellationRequested)
        {
            Channel<Pending> toSend;
            Pending[] resend;
            lock (_gate)
            {
                if (_completing && _pending.Count == 0)
                {
                    return;
                }

                (toSend, resend) = (_toSend = NewChannel(), [.. _pending]);
                if (_completing && resend.Length == 0)
                {
                    toSend.Writer.TryComplete();
                }
            }

            if (resend.Length == 0)
            {
                // Idle: open a stream only once there is something to send.
                if (!await WaitForBatchAsync(toSend.Reader))
                {
                    return;
                }

                lastProgress = time.GetTimestamp();
            }

            var failure = await StreamAsync(resend, toSend.Reader, () => (failures, lastProgress) = (0, time.GetTimestamp()));
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            if (failure is RpcException refused && !refused.IsTransient())
            {
                AnswerFirst(refused); // the service refused the first batch not yet acknowledged; the rest go again at once
                continue;
            }

            failure ??= new RpcException(new Status(StatusCode.Unavailable, "The service ended the stream."));
            if (time.GetElapsedTime(lastProgress) > _options.GiveUpAfter)
            {
                FailAll(new TimeoutException($"Nothing was acknowledged for {_options.GiveUpAfter.TotalSeconds:0} s (JudgementFeedOptions.GiveUpAfter): {failure.Message}", failure));
                return;
            }

            var wait = _options.Backoff.WaitBefore(++failures, failure);
            _options.Broken?.Invoke(failure, wait);
            await Task.Delay(wait, time, _stop.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    private async Task<bool> WaitForBatchAsync(ChannelReader<Pending> toSend)
    {
        try
        {
            return await toSend.WaitToReadAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // One stream: the batches still pending, then each new one; acknowledgements as they come. Returns why it ended (null: the service ended it).
    private async Task<Exception?> StreamAsync(Pending[] resend, ChannelReader<Pending> fresh, Action progressed)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        using var call = _client.StreamJudgements(cancellationToken: _stop.Token);
        var writing = WriteAsync(call.RequestStream, resend, fresh, ended.Token);
        Exception? failure = null;
        try
        {
            await foreach (var ack in call.ResponseStream.ReadAllAsync(_stop.Token))
            {
                Acknowledge(ack);
                progressed();
            }
        }
        catch (Exception ex) when (!_stop.IsCancellationRequested)
        {
            failure = ex;
        }
        catch (OperationCanceledException)
        {
        }

        await ended.CancelAsync();
        await writing.ContinueWith(static _ => { }, TaskScheduler.Default);
        return failure;
    }

    private static async Task WriteAsync(IClientStreamWriter<JudgementBatch> stream, Pending[] resend, ChannelReader<Pending> fresh, CancellationToken ended)
    {
        foreach (var pending in resend)
        {
            await stream.WriteAsync(pending.Batch, ended);
        }

        await foreach (var pending in fresh.ReadAllAsync(ended))
        {
            await stream.WriteAsync(pending.Batch, ended);
        }

        await stream.CompleteAsync();
    }

    // Acknowledgements come in the order the batches were sent, on each stream.
    private void Acknowledge(JudgementsAck ack)
    {
        Pending acknowledged;
        lock (_gate)
        {
            if (_pending.Count == 0 || _pending.Peek().Batch.BatchId != ack.BatchId)
            {
                return;
            }

            acknowledged = Dequeue();
        }

        acknowledged.Answered.TrySetResult(ack);
        _room.Release();
    }

    private void AnswerFirst(RpcException refusal)
    {
        Pending refused;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            refused = Dequeue();
        }

        refused.Answered.TrySetException(refusal);
        _room.Release();
    }

    private void FailAll(Exception failure)
    {
        Pending[] failed;
        lock (_gate)
        {
            _failed ??= failure;
            failed = [.. _pending];
            _pending.Clear();
            _toSend.Writer.TryComplete();
        }

        foreach (var pending in failed)
        {
            pending.Answered.TrySetException(failure);
            _room.Release();
        }
    }

    // Under the lock: once the last batch of a completing feed is answered, the stream may end.
    private Pending Dequeue()
    {
        var pending = _pending.Dequeue();
        if (_completing && _pending.Count == 0)
        {
            _toSend.Writer.TryComplete();
        }

        return pending;
    }

    private sealed record Pending(JudgementBatch Batch)
    {
        public TaskCompletionSource<JudgementsAck> Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
