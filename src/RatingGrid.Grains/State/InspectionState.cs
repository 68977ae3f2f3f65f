using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Records;
using RatingGrid.Domain.Registry;
using RatingGrid.Domain.Rulebooks;
using RatingGrid.Grains.Abstractions.Inspections;

namespace RatingGrid.Grains.State;

/// <summary>
/// What an inspection's journal adds up to: its details, status, version, judged ratings with who
/// set them, and the Domain's ledger of its cases. Replaying a record is idempotent (a revision seen
/// again is a duplicate), so a record replayed over a snapshot that already holds it changes nothing.
/// </summary>
internal sealed class InspectionState
{
    public InspectionDetails? Details { get; set; }

    public InspectionStatus Status { get; set; }

    /// <summary>Goes up by one with every change that took effect.</summary>
    public long Version { get; set; }

    public DateTimeOffset LastChangedAt { get; set; }

    public Dictionary<string, JudgedRatingRecord> JudgedRatings { get; } = new(StringComparer.Ordinal);

    /// <summary>While embargoed, when the inspection publishes itself.</summary>
    public DateTimeOffset? PublishAt { get; set; }

    /// <summary>Every lifecycle step, oldest first (close, reopen, embargo, publication, correction).</summary>
    public List<LifecycleEntry> Lifecycle { get; } = [];

    /// <summary>When the inspection was first published (a correction and republication keep the first date); null until then.</summary>
    public DateTimeOffset? FirstPublishedAt => Lifecycle.Find(e => e.Status == InspectionStatus.Published)?.At;

    /// <summary>Null until the inspection has been opened.</summary>
    public InspectionLedger? Ledger { get; set; }

    /// <summary>For an inspection recorded from its published report, that report; null for one rated here.</summary>
    public PublishedReport? Report { get; set; }

    public void Replay(JournalRecord record, RulebookCatalog rulebooks)
    {
        foreach (var e in record.Events)
        {
            Apply(e, rulebooks);
        }

        Version = record.Version;
        LastChangedAt = record.ChangedAt;
    }

    private void Apply(JournalEvent e, RulebookCatalog rulebooks)
    {
        switch (e)
        {
            case InspectionOpened opened:
                Details = Official(opened.Details);
                Ledger ??= new InspectionLedger(rulebooks.Get(new RulebookKey(opened.Details.RulebookId, opened.Details.RulebookVersion)));
                break;
            case CaseJudged judged:
                RequireLedger().Apply(judged.Judgement);
                break;
            case CaseWithdrawn withdrawn:
                RequireLedger().Withdraw(withdrawn.CaseId, withdrawn.Revision);
                break;
            case JudgedRatingChanged rated:
                SetJudgedRating(rated);
                break;
            case StatusChanged status:
                ChangeStatus(status);
                break;
            case ReportRecorded recorded:
                Report = recorded.Report;
                break;
        }
    }

    /// <summary>Details as stored, with the region in its official spelling (journals written before may hold an old one).</summary>
    public static InspectionDetails Official(InspectionDetails details) =>
        PduRegistry.BuiltIn.CanonicalRegion(details.Region) is var region && region != details.Region ? details with { Region = region } : details;

    public void ChangeStatus(StatusChanged change)
    {
        Status = change.Status;
        PublishAt = change.Status == InspectionStatus.Embargoed ? change.PublishAt : null;
        Lifecycle.Add(change.ToEntry());
    }

    public void SetJudgedRating(JudgedRatingChanged rated)
    {
        if (rated.Rating is { } rating)
        {
            RequireLedger().SetJudgedRating(rated.StandardId, rating, rated.Rationale!);
            JudgedRatings[rated.StandardId] = new JudgedRatingRecord(rating, rated.Rationale!, rated.Actor, rated.At);
        }
        else
        {
            RequireLedger().ClearJudgedRating(rated.StandardId);
            JudgedRatings.Remove(rated.StandardId);
        }
    }

    private InspectionLedger RequireLedger() =>
        Ledger ?? throw new InvalidDataException("A journal changes an inspection before opening it.");
}
