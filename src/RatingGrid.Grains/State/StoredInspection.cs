using RatingGrid.Domain.Aggregation;
using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Inspections;

namespace RatingGrid.Grains.State;

/// <summary>
/// An inspection's state as storage holds it, with the Domain's ledger rebuilt from it: what the
/// grain changes in memory and writes whole. Changes here are not durable until <see cref="WriteAsync"/>.
/// </summary>
internal sealed class StoredInspection(IPersistentState<InspectionState> storage, RulebookCatalog rulebooks, TimeProvider time)
{
    private Journal? _journal;

    /// <summary>The Domain's ledger; null until the inspection has been opened.</summary>
    public InspectionLedger? Ledger { get; private set; }

    public InspectionDetails? Details => State.Details;

    public bool IsClosed => State.IsClosed;

    private InspectionState State => storage.State;

    /// <summary>Rebuilds the ledger from what was read from storage.</summary>
    public void Load()
    {
        (Ledger, _journal) = State.Details is { } details ? StateCodec.Load(Rulebook(details), State) : (null, null);
    }

    /// <summary>Reads storage again (after another writer wrote) and rebuilds from it.</summary>
    public async Task ReloadAsync()
    {
        await storage.ReadStateAsync();
        Load();
    }

    public Task WriteAsync() => storage.WriteStateAsync();

    /// <summary>Counts one change that took effect: a new version, now.</summary>
    public void Count()
    {
        State.Version++;
        State.LastChangedAt = time.GetUtcNow();
    }

    public void Open(InspectionDetails details)
    {
        State.Details = details;
        Ledger = new InspectionLedger(Rulebook(details));
        _journal = new Journal(Ledger.Rulebook);
    }

    /// <summary>Keeps accepted case changes (judgements, withdrawals) in the audit trail.</summary>
    public void Journal(IReadOnlyList<JournalEntry> entries) => State.Journal.Add(_journal!.Write(entries));

    public void SetJudgedRating(string standardId, Rating? rating, string? rationale, string actor)
    {
        if (rating is { } set)
        {
            State.JudgedRatings[standardId] = new JudgedRatingRecord(set, rationale!, actor, time.GetUtcNow());
        }
        else
        {
            State.JudgedRatings.Remove(standardId);
        }
    }

    public void SetClosed(bool closed) => State.IsClosed = closed;

    public InspectionView View(string inspectionId) => new(
        inspectionId,
        State.Details!,
        State.IsClosed ? InspectionStatus.Closed : InspectionStatus.Open,
        State.Version,
        State.LastChangedAt,
        Ledger!.Results());

    public Standing Standing(string inspectionId) =>
        Ledger!.Standing(inspectionId, State.Details!.PduName, State.Details.Region, State.Version, State.LastChangedAt);

    public IReadOnlyList<CaseRevisionView> History(string caseId) => StateCodec.History(Ledger!.Rulebook, State, caseId);

    private Rulebook Rulebook(InspectionDetails details) => rulebooks.Get(new RulebookKey(details.RulebookId, details.RulebookVersion));
}
