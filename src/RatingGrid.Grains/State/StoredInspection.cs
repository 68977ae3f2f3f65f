using Microsoft.Extensions.Logging;
using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Records;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Errors;
using RatingGrid.Grains.Abstractions.Inspections;
using RatingGrid.Grains.Diagnostics;
using RatingGrid.Grains.Storage;

namespace RatingGrid.Grains.State;

/// <summary>
/// An inspection's state in memory over its journal. Changes are applied here at once and noted as
/// events; <see cref="Capture"/> turns the events noted since the last write into the next record,
/// which <see cref="WriteAsync"/> appends. Activation reads the newest snapshot and replays the
/// records after it. Nothing here is durable until a write holding it has landed.
/// </summary>
internal sealed partial class StoredInspection(string inspectionId, IJournalStore store, RulebookCatalog rulebooks, StorageOptions options, TimeProvider time, ILogger logger)
{
    private InspectionState _state = new();
    private JournalCodec _codec = new(rulebooks, new StringTable());
    private List<JournalEvent> _pending = [];
    private JournalPosition _end = JournalPosition.Start;
    private long _tailBytes;
    private long _snapshotBytes;

    /// <summary>The Domain's ledger; null until the inspection has been opened.</summary>
    public InspectionLedger? Ledger => _state.Ledger;

    public InspectionDetails? Details => _state.Details;

    public InspectionStatus Status => _state.Status;

    /// <summary>For an inspection recorded from its published report, that report.</summary>
    public PublishedReport? Report => _state.Report;


    /// <summary>The ledger of an inspection that has been opened and (unless <paramref name="allowClosed"/>) is not closed.</summary>
    public InspectionLedger RequireOpen(bool allowClosed = false)
    {
        var ledger = _state.Ledger ?? throw new InspectionNotFoundException(inspectionId);
        if (_state.Report is not null)
        {
            throw new InspectionStateException(
                $"Inspection '{inspectionId}' is recorded from its published report: it takes no judgements, ratings or lifecycle steps. Rate a later inspection of its PDU under another id.");
        }

        if (_state.Status != InspectionStatus.Open && !allowClosed)
        {
            throw new InspectionStateException(_state.Status == InspectionStatus.Published
                ? $"Inspection '{inspectionId}' is published; it changes only by a correction with a reason (CorrectInspection)."
                : $"Inspection '{inspectionId}' is {InspectionLifecycle.Name(_state.Status)}; reopen it before changing it.");
        }

        return ledger;
    }

    /// <summary>Applies a batch all or nothing (malformed: refused whole) and notes what took effect; returns how many judgements did.</summary>
    public int Record(JudgementBatchInput batch, int maxCases, out ChangeOutcome[] outcomes)
    {
        var ledger = RequireOpen();
        ChangeChecks.RequireActor(batch.Actor);
        ChangeChecks.RequireRoomFor(ledger, batch.Judgements, maxCases, inspectionId);
        outcomes = ChangeChecks.Refusing(() => ledger.ApplyBatch(batch.Judgements));
        var now = time.GetUtcNow();
        var applied = 0;
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i] == ChangeOutcome.Applied)
            {
                _pending.Add(new CaseJudged(batch.Judgements[i], batch.Actor, now));
                applied++;
            }
        }

        return applied;
    }

    /// <summary>Reads the newest snapshot and replays the records after it, replacing whatever memory held.</summary>
    public async Task LoadAsync()
    {
        var started = time.GetTimestamp();
        var tail = await store.ReadTailAsync(inspectionId);
        if (tail.StoredInOldFormat)
        {
            throw new InspectionStateException(
                $"Inspection '{inspectionId}' was stored by a RatingGrid from before journals, in a format this version does not read; nothing was changed. Re-import its judgements under a new inspection id (README: Stored data from earlier versions).");
        }

        var (state, codec) = tail.Snapshot is { } snapshot ? SnapshotCodec.Decode(snapshot, rulebooks) : (new InspectionState(), new JournalCodec(rulebooks, new StringTable()));
        foreach (var record in tail.Records)
        {
            state.Replay(codec.Decode(record), rulebooks);
        }

        (_state, _codec, _pending, _end) = (state, codec, [], tail.End);
        (_tailBytes, _snapshotBytes) = (tail.BytesSinceSnapshot, tail.Snapshot?.Length ?? 0);
        GrainMetrics.ReplayRecords.Record(tail.Records.Count);
        GrainMetrics.ActivationLatency.Record(time.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Counts one change that took effect: a new version, now.</summary>
    public void Count()
    {
        _state.Version++;
        _state.LastChangedAt = time.GetUtcNow();
    }

    public void Open(InspectionDetails details, string actor)
    {
        _state.Details = details;
        _state.Ledger = new InspectionLedger(rulebooks.Get(new RulebookKey(details.RulebookId, details.RulebookVersion)));
        _pending.Add(new InspectionOpened(details, actor, time.GetUtcNow()));
    }

    /// <summary>Opens the inspection from its published report, published at once (by <paramref name="actor"/>, now).</summary>
    public void Record(InspectionDetails details, PublishedReport report, string actor)
    {
        Open(details, actor);
        _state.Report = report;
        _pending.Add(new ReportRecorded(report, actor, time.GetUtcNow()));
        SetStatus(InspectionStatus.Published, actor);
    }

    /// <summary>Notes a withdrawal the ledger has applied.</summary>
    public void Withdrawn(string caseId, long revision, string actor) => _pending.Add(new CaseWithdrawn(caseId, revision, actor, time.GetUtcNow()));

    /// <summary>Notes a judged rating the ledger has set (or, with no rating, cleared).</summary>
    public void JudgedRatingChanged(string standardId, Rating? rating, string? rationale, string actor)
    {
        var change = new JudgedRatingChanged(standardId, rating, rationale, actor, time.GetUtcNow());
        if (rating is { } set)
        {
            _state.JudgedRatings[standardId] = new JudgedRatingRecord(set, rationale!, actor, change.At);
        }
        else
        {
            _state.JudgedRatings.Remove(standardId);
        }

        _pending.Add(change);
    }

    public void SetStatus(InspectionStatus status, string actor, DateTimeOffset? publishAt = null, string? reason = null)
    {
        var change = new StatusChanged(status, actor, time.GetUtcNow(), publishAt, reason);
        _state.ChangeStatus(change);
        _pending.Add(change);
    }

    public DateTimeOffset? PublishAt => _state.PublishAt;

    /// <summary>
    /// The events noted since the last capture as the next record; with it, once the tail has grown
    /// past <see cref="StorageOptions.SnapshotFactor"/> times the last snapshot, a snapshot of the
    /// state as it will be when that record has landed (memory holds exactly that now).
    /// </summary>
    public PendingWrite Capture()
    {
        var record = _codec.Encode(new JournalRecord(_state.Version, _state.LastChangedAt, _pending));
        var judgements = _pending.Count(e => e is CaseJudged);
        _pending = [];
        var tail = _tailBytes + record.Length;
        var due = tail >= Math.Max(options.MinimumTailBytes, options.SnapshotFactor * _snapshotBytes) || _end.Records + 1 >= options.MaxRecordsPerSegment;
        return new PendingWrite(record, due ? SnapshotCodec.Encode(_state, _codec) : null, judgements);
    }

    /// <summary>Appends a captured record where the journal ended when last read; a stale writer's append is refused (<see cref="JournalConflictException"/>).</summary>
    public async Task WriteAsync(PendingWrite write)
    {
        _end = await store.AppendAsync(inspectionId, _end, write.Record);
        _tailBytes += write.Record.Length;
        GrainMetrics.BytesWritten.Record(write.Record.Length);
        if (write.Judgements > 0)
        {
            GrainMetrics.BytesPerJudgement.Record((write.Record.Length + (write.Snapshot?.Length ?? 0)) / (double)write.Judgements);
        }

        if (write.Snapshot is not { } snapshot)
        {
            GrainMetrics.TailBytes.Record(_tailBytes);
            return;
        }

        try
        {
            _end = await store.BeginSegmentAsync(inspectionId, _end, snapshot);
            (_tailBytes, _snapshotBytes) = (0, snapshot.Length);
            GrainMetrics.SnapshotBytes.Record(snapshot.Length);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or JournalConflictException)
        {
            // The record landed, so the write stands. A snapshot is only a short cut for activation:
            // the next write tries again, or finds the segment sealed and reads where it went on.
            LogSnapshotFailed(inspectionId, ex.Message);
        }
    }

    public InspectionView View() => new(
        inspectionId,
        _state.Details!,
        _state.Status,
        _state.Version,
        _state.LastChangedAt,
        _state.Ledger!.Results(),
        _state.PublishAt,
        [.. _state.Lifecycle],
        _state.Report);

    public Standing Standing() => _state.Report is { } report
        ? report.Standing(_state.Ledger!.Rulebook, inspectionId, _state.Details!.PduName, _state.Details.Region, _state.Details.PduId, _state.Version, _state.LastChangedAt)
        : _state.Ledger!.Standing(inspectionId, _state.Details!.PduName, _state.Details.Region, _state.Version, _state.LastChangedAt,
            _state.Details.PduId, new Fieldwork(_state.Details.FieldworkStart, _state.Details.FieldworkEnd), _state.Status, _state.FirstPublishedAt);

    /// <summary>Every durable revision of a case, from the whole journal (older segments included), oldest first.</summary>
    public async Task<IReadOnlyList<CaseRevisionView>> HistoryAsync(string caseId)
    {
        var codec = new JournalCodec(rulebooks, new StringTable());
        var history = new List<CaseRevisionView>();
        foreach (var bytes in await store.ReadAllAsync(inspectionId))
        {
            foreach (var e in codec.Decode(bytes).Events)
            {
                switch (e)
                {
                    case CaseJudged judged when judged.Judgement.CaseId == caseId:
                        history.Add(new CaseRevisionView(judged.Judgement.Revision, false, judged.Actor, judged.At, judged.Judgement));
                        break;
                    case CaseWithdrawn withdrawn when withdrawn.CaseId == caseId:
                        history.Add(new CaseRevisionView(withdrawn.Revision, true, withdrawn.Actor, withdrawn.At, null));
                        break;
                }
            }
        }

        return history;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inspection {InspectionId}: its journal record landed but the segment after it could not be begun; trying again with the next write. {Reason}")]
    private partial void LogSnapshotFailed(string inspectionId, string reason);
}
