using RatingGrid.Domain.Records;
using RatingGrid.Domain.Scoring;
using RatingGrid.Grains.Abstractions.Errors;

namespace RatingGrid.Grains.Abstractions.Inspections;

/// <summary>
/// One inspection, keyed by its stable inspection id. Every change is validated whole, applied, written
/// to storage and only then acknowledged; concurrent changes share writes (group commit). Reads see
/// only what has been durably written. Retrying any change is safe: revisions make repeats harmless.
/// </summary>
public interface IInspectionGrain : IGrainWithStringKey
{
    /// <summary>Opens the inspection; opening again with the same details is harmless, with other details refused.</summary>
    /// <exception cref="InvalidRequestException">Malformed details or an unknown rulebook.</exception>
    /// <exception cref="InspectionStateException">Already opened with other details.</exception>
    Task<InspectionView> OpenAsync(InspectionDetails details, string actor);

    /// <summary>
    /// Records an inspection done before RatingGrid from its published report: opened and published
    /// at once, taking no judgements. Recording the same again is harmless; another report, or an
    /// inspection opened under the id, is refused (InspectionStateException).
    /// </summary>
    Task<InspectionView> RecordPublishedAsync(InspectionDetails details, PublishedReport report, string actor);

    /// <summary>Applies a batch of judgements all or nothing; one outcome per judgement.</summary>
    /// <exception cref="InspectionNotFoundException">Not opened.</exception>
    /// <exception cref="InspectionStateException">Closed.</exception>
    /// <exception cref="InvalidRequestException">Any judgement malformed: nothing applied.</exception>
    /// <exception cref="StorageUnavailableException">Not written: retry.</exception>
    Task<BatchReceipt> RecordJudgementsAsync(JudgementBatchInput batch);

    /// <summary>
    /// Applies several batches in one call and one storage write, each all or nothing on its own, as
    /// if sent one after another: a refused batch fails alone (its result carries the error), the
    /// others go ahead. Lets a judgement stream send whatever has queued up for an inspection at once.
    /// </summary>
    Task<IReadOnlyList<BatchResult>> RecordBatchesAsync(IReadOnlyList<JudgementBatchInput> batches);

    /// <summary>Withdraws a case at a new revision.</summary>
    Task<ChangeReceipt> WithdrawCaseAsync(string caseId, long revision, string actor);

    /// <summary>Sets or clears a judged standard's rating.</summary>
    Task<ChangeReceipt> SetJudgedRatingAsync(JudgedRatingInput input);

    /// <summary>Closes the inspection to changes; closing a closed inspection is harmless.</summary>
    Task<InspectionView> CloseAsync(string actor);

    /// <summary>Reopens a closed inspection; reopening an open one is harmless.</summary>
    Task<InspectionView> ReopenAsync(string actor);

    /// <summary>Puts a closed inspection under embargo; it publishes itself at <paramref name="publishAt"/> (a durable reminder), across restarts.</summary>
    /// <exception cref="InspectionStateException">Not closed (or already embargoed until another time).</exception>
    Task<InspectionView> EmbargoAsync(DateTimeOffset publishAt, string actor);

    /// <summary>Publishes a closed or embargoed inspection now; publishing a published one is harmless.</summary>
    Task<InspectionView> PublishAsync(string actor);

    /// <summary>Opens a published inspection again for a correction, the reason kept in its lifecycle.</summary>
    /// <exception cref="InspectionStateException">Not published.</exception>
    Task<InspectionView> CorrectAsync(string reason, string actor);

    /// <summary>The inspection as last durably written.</summary>
    /// <exception cref="InspectionNotFoundException">Not opened.</exception>
    Task<InspectionView> GetAsync();

    /// <summary>The region of the inspection as durably opened, or null when it has not been; it never changes once set.</summary>
    Task<string?> GetRegionAsync();

    /// <summary>Every breakdown that has cases, once pending writes have landed.</summary>
    Task<IReadOnlyList<BreakdownResult>> GetBreakdownsAsync();

    /// <summary>Every accepted revision of a case, oldest first; empty when the case is unknown.</summary>
    Task<IReadOnlyList<CaseRevisionView>> GetCaseHistoryAsync(string caseId);

    /// <summary>
    /// The change feed: completes with the newest durable state once its version exceeds
    /// <paramref name="afterVersion"/>, or with null after <paramref name="timeout"/> or once
    /// <paramref name="cancellationToken"/> fires (a watcher that left must not hold the grain, or a
    /// host's shutdown, until the timeout). A slow follower skips straight to the newest state.
    /// </summary>
    Task<InspectionView?> WaitForChangeAsync(long afterVersion, TimeSpan timeout, CancellationToken cancellationToken = default);
}
