using RatingGrid.Domain.Ledger;
using RatingGrid.Domain.Lifecycle;
using RatingGrid.Domain.Records;
using RatingGrid.Domain.Rulebooks;

namespace RatingGrid.Domain.Aggregation;

/// <summary>
/// Where one inspection stands at one version: its ratings and its counters. Regions and the nation
/// hold the newest standing of each inspection and replace it, never add to it, so a standing that
/// arrives twice, late or out of order changes nothing.
/// </summary>
/// <param name="StandardRatings">Each standard's rating, null while unrated.</param>
/// <param name="Overall">The overall rating, null while provisional.</param>
/// <param name="ChangedAt">When the inspection reached this version.</param>
/// <param name="PduId">The inspected PDU; empty in standings stored before it was kept (the inspection then stands for its PDU).</param>
/// <param name="Fieldwork">When the inspection's fieldwork ran; null in standings stored before it was kept.</param>
/// <param name="Status">Where the inspection is in its lifecycle at this version; open in standings stored before it was kept (so they count as unpublished work).</param>
/// <param name="PublishedAt">When the inspection was first published; null until then.</param>
/// <param name="ProvisionalStandards">The standards rated from only some of their key questions; empty in standings stored before it was kept.</param>
/// <param name="Report">For an inspection recorded from its published report (done before RatingGrid): what the report states; null for an inspection rated here.</param>
/// <param name="NotPublishedStandards">For such an inspection, the standards whose rating the report does not give (not in <paramref name="StandardRatings"/>).</param>
public sealed record Standing(
    string InspectionId,
    string PduName,
    string Region,
    RulebookKey Rulebook,
    long Version,
    IReadOnlyDictionary<string, Rating?> StandardRatings,
    Rating? Overall,
    int Score,
    TallySnapshot Tallies,
    DateTimeOffset ChangedAt = default,
    string PduId = "",
    Fieldwork? Fieldwork = null,
    InspectionStatus Status = InspectionStatus.Open,
    DateTimeOffset? PublishedAt = null,
    IReadOnlySet<string>? ProvisionalStandards = null,
    PublishedReport? Report = null,
    IReadOnlySet<string>? NotPublishedStandards = null)
{
    /// <summary>Cases counted in the inspection at this version (for a published report, the cases it states, if it does).</summary>
    public int Cases => Report is { } report ? report.Cases ?? 0 : Tallies.Cases;

    /// <summary>Whether <see cref="Score"/> is known: always for an inspection rated here; for a published report, where it states one.</summary>
    public bool ScoreKnown => Report is null || Report.Score is not null;

    /// <summary>The PDU this inspection counts for: its own id where the PDU was not recorded.</summary>
    public string PduKey => PduId.Length > 0 ? PduId : InspectionId;

    /// <summary>Whether a standard's rating is provisional (rated from only some of its key questions).</summary>
    public bool IsProvisional(string standardId) => ProvisionalStandards?.Contains(standardId) == true;

    /// <summary>The day (UTC) it was first published, or null while unpublished.</summary>
    public DateOnly? PublishedOn => PublishedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null;

    /// <summary>
    /// The first day (as a day number) on which the current picture of that day counts it: the day it
    /// was first published; for unpublished work, the day its fieldwork began (any day, where its
    /// fieldwork is not known). <see cref="int.MaxValue"/> for a published inspection without its day.
    /// </summary>
    public int ExistsFrom => Status == InspectionStatus.Published
        ? PublishedOn?.DayNumber ?? int.MaxValue
        : Fieldwork?.Start.DayNumber ?? int.MinValue;

    /// <summary>Whether it existed by <paramref name="day"/>, for the current picture of that day.</summary>
    public bool ExistedBy(DateOnly day) => ExistsFrom <= day.DayNumber;
}
